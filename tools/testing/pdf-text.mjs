#!/usr/bin/env node
// Prints a PDF's page count and text as JSON ({ pages, text: [page 1, ...] }), for tests that
// open what the product generated. Usage: node tools/testing/pdf-text.mjs file.pdf
// (A separate process: pdf.js ships as ES modules, which Jest's CommonJS runtime cannot load.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const fonts = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts/');
const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, standardFontDataUrl: fonts, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
const text = [];
for (let i = 1; i <= pdf.numPages; i++) {
  const content = await (await pdf.getPage(i)).getTextContent();
  text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
}
const info = await pdf.getMetadata();
console.log(JSON.stringify({ pages: pdf.numPages, title: info.info?.Title ?? null, text }));
