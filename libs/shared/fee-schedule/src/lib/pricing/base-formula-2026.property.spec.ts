import { describeBaseFormulaProperty } from './base-formula.testing';

describeBaseFormulaProperty(2026);
