import { useMutation, useQuery } from '@apollo/client/react';
import { ReactNode, useState } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { MeQuery, SignOutMutation, StaffAccountFieldsFragment } from '@denialmap/web/data-access';
import { ErrorPanel, LoadingPanel } from '@denialmap/web/ui';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { AuditLogPage } from './AuditLogPage';
import { BlocksPage } from './BlocksPage';
import { MyAccountPage } from './MyAccountPage';
import { QueuePage } from './QueuePage';
import { ReferenceDataPage } from './ReferenceDataPage';
import { ReportDetailPage } from './ReportDetailPage';
import { SignInForm } from './SignInForm';
import { StaffContext, useStaff } from './staff-context';
import { StaffFreshnessBanner } from './StaffFreshnessBanner';
import { problemWords, staffProblem } from './staff-error';
import { TeamPage } from './TeamPage';
import { TipsPage } from './TipsPage';
import { STAFF_ROLES } from './words';

/**
 * /staff/*: the moderators' and admins' area. /staff/invitation works signed out (an invitee sets
 * a password there); everything else asks `me` and shows the sign-in form while it is null.
 */
export function StaffArea() {
  return (
    <div className="staff">
      <Routes>
        <Route path="invitation" element={<AcceptInvitationPage />} />
        <Route path="*" element={<SignedIn />} />
      </Routes>
    </div>
  );
}

function SignedIn() {
  const { data, loading, error, refetch } = useQuery(MeQuery, { fetchPolicy: 'cache-and-network' });
  const me = data?.me;
  if (loading && data === undefined) return <LoadingPanel label="Checking whether you are signed in…" />;
  if (error && data === undefined) {
    return (
      <ErrorPanel title="The staff area could not be loaded">
        {problemWords(staffProblem(error))}{' '}
        <button type="button" className="link-button" onClick={() => refetch().catch(() => undefined)}>
          Try again
        </button>
      </ErrorPanel>
    );
  }
  if (!me) return <SignInForm />;
  return (
    <StaffContext.Provider value={me}>
      <StaffShell me={me}>
        <Routes>
          <Route index element={<QueuePage />} />
          <Route path="reports/:id" element={<ReportDetailPage />} />
          <Route path="blocks" element={<BlocksPage />} />
          <Route path="tips" element={<TipsPage />} />
          <Route path="team" element={<AdminOnly page="Team">{<TeamPage />}</AdminOnly>} />
          <Route path="audit" element={<AdminOnly page="The audit log">{<AuditLogPage />}</AdminOnly>} />
          <Route path="reference-data" element={<AdminOnly page="Reference data">{<ReferenceDataPage />}</AdminOnly>} />
          <Route path="account" element={<MyAccountPage />} />
          <Route
            path="*"
            element={
              <ErrorPanel title="There is no staff page here">
                <NavLink to="/staff">Open the queue</NavLink> instead.
              </ErrorPanel>
            }
          />
        </Routes>
      </StaffShell>
    </StaffContext.Provider>
  );
}

function AdminOnly({ page, children }: { page: string; children: ReactNode }) {
  const me = useStaff();
  if (me.role !== 'ADMIN') {
    return (
      <ErrorPanel title={`${page} is for admins`}>
        You are signed in as a {STAFF_ROLES[me.role].toLowerCase()}. Ask an admin if you need this.
      </ErrorPanel>
    );
  }
  return children;
}

const tabClass = ({ isActive }: { isActive: boolean }) => `staff-tab${isActive ? ' active' : ''}`;

function StaffShell({ me, children }: { me: StaffAccountFieldsFragment; children: ReactNode }) {
  const { pathname } = useLocation();
  const [signOut, { loading }] = useMutation(SignOutMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const leave = async () => {
    setProblem(null);
    try {
      await signOut();
      // Nothing a staff member saw may stay in memory for the next person at this browser: a fresh
      // page load drops the whole Apollo cache (clearing it in place would leave the pages' watches stale).
      window.location.assign('/staff');
    } catch (error) {
      setProblem(problemWords(staffProblem(error)));
    }
  };
  return (
    <>
      <header className="staff-header">
        <div className="staff-who">
          <p className="eyebrow">Staff area</p>
          <p className="staff-name" data-testid="staff-who">
            <strong>{me.displayName}</strong> <span className="chip">{STAFF_ROLES[me.role]}</span>
          </p>
        </div>
        <button type="button" className="button-quiet" onClick={() => void leave()} disabled={loading}>
          {loading ? 'Signing out…' : 'Sign out'}
        </button>
      </header>
      {problem && <ErrorPanel title="You are still signed in">{problem}</ErrorPanel>}
      <StaffFreshnessBanner />
      <nav className="staff-tabs" aria-label="Staff area">
        {/* A report opened from the queue is still "in" the queue. */}
        <NavLink to="/staff" end className={({ isActive }) => tabClass({ isActive: isActive || pathname.startsWith('/staff/reports/') })}>
          Queue
        </NavLink>
        <NavLink to="/staff/blocks" className={tabClass}>
          Paused submitters
        </NavLink>
        <NavLink to="/staff/tips" className={tabClass}>
          Billing tips
        </NavLink>
        {me.role === 'ADMIN' && (
          <NavLink to="/staff/team" className={tabClass}>
            Team
          </NavLink>
        )}
        {me.role === 'ADMIN' && (
          <NavLink to="/staff/audit" className={tabClass}>
            Audit log
          </NavLink>
        )}
        {me.role === 'ADMIN' && (
          <NavLink to="/staff/reference-data" className={tabClass}>
            Reference data
          </NavLink>
        )}
        <NavLink to="/staff/account" className={tabClass}>
          My account
        </NavLink>
      </nav>
      {children}
    </>
  );
}
