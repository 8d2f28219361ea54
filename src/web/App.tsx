import { Suspense, lazy } from 'react';
import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { LoadingStatus } from './components/LoadingStatus.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MePage } from './pages/MePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { ServicePage } from './pages/catalog/ServicePage.tsx';
import { ServiceSearchPage } from './pages/catalog/ServiceSearchPage.tsx';
import { TopicsPage } from './pages/catalog/TopicsPage.tsx';
import { FacilityFinderPage } from './pages/facilities/FacilityFinderPage.tsx';
import { FacilityOverviewPage } from './pages/facilities/FacilityOverviewPage.tsx';
import { FacilityPage } from './pages/facilities/FacilityPage.tsx';
import { InboxPage } from './pages/notifications/InboxPage.tsx';
import { SessionProvider } from './session/session-context.tsx';

// Authoring is for a few staff: its pages load on first use, not with the front door.
const CatalogAdminPage = lazy(() =>
  import('./pages/admin/CatalogAdminPage.tsx').then((module) => ({ default: module.CatalogAdminPage })),
);
const CatalogEditorPage = lazy(() =>
  import('./pages/admin/editor/CatalogEditorPage.tsx').then((module) => ({
    default: module.CatalogEditorPage,
  })),
);
const SynonymsPage = lazy(() =>
  import('./pages/admin/SynonymsPage.tsx').then((module) => ({ default: module.SynonymsPage })),
);

const DepartmentsPage = lazy(() =>
  import('./pages/admin/DepartmentsPage.tsx').then((module) => ({ default: module.DepartmentsPage })),
);
const CalendarAdminPage = lazy(() =>
  import('./pages/admin/CalendarAdminPage.tsx').then((module) => ({ default: module.CalendarAdminPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('./pages/notifications/NotificationSettingsPage.tsx').then((module) => ({
    default: module.NotificationSettingsPage,
  })),
);
// The wallet and the public check: their own chunk, loaded when first opened.
const WalletPage = lazy(() =>
  import('./pages/certificates/WalletPage.tsx').then((module) => ({ default: module.WalletPage })),
);
const CertificatePage = lazy(() =>
  import('./pages/certificates/CertificatePage.tsx').then((module) => ({ default: module.CertificatePage })),
);
const VerifyPage = lazy(() =>
  import('./pages/certificates/VerifyPage.tsx').then((module) => ({ default: module.VerifyPage })),
);
// The applicant's pages (applying, my applications, one application) load when first opened.
const ApplyPage = lazy(() =>
  import('./pages/applications/ApplyPage.tsx').then((module) => ({ default: module.ApplyPage })),
);
const ApplicationsPage = lazy(() =>
  import('./pages/applications/ApplicationsPage.tsx').then((module) => ({
    default: module.ApplicationsPage,
  })),
);
const ApplicationPage = lazy(() =>
  import('./pages/applications/ApplicationPage.tsx').then((module) => ({ default: module.ApplicationPage })),
);
// The staff workbench (queue, one application, counter filing): for staff only, loaded on first use.
const WorkbenchQueuePage = lazy(() =>
  import('./pages/workbench/QueuePage.tsx').then((module) => ({ default: module.QueuePage })),
);
const WorkbenchApplicationPage = lazy(() =>
  import('./pages/workbench/ApplicationPage.tsx').then((module) => ({ default: module.ApplicationPage })),
);
const WorkbenchCounterPage = lazy(() =>
  import('./pages/workbench/CounterPage.tsx').then((module) => ({ default: module.CounterPage })),
);
// The facility operator console (street operators, platform admins): loaded on first use, with ECharts.
const FacilityConsolePage = lazy(() =>
  import('./pages/facilities/console/FacilityConsolePage.tsx').then((m) => ({
    default: m.FacilityConsolePage,
  })),
);
const StreetConsolePage = lazy(() =>
  import('./pages/facilities/console/StreetConsolePage.tsx').then((m) => ({ default: m.StreetConsolePage })),
);
const DistrictConsolePage = lazy(() =>
  import('./pages/facilities/console/DistrictConsolePage.tsx').then((m) => ({
    default: m.DistrictConsolePage,
  })),
);
const FacilityImportPage = lazy(() =>
  import('./pages/facilities/console/FacilityImportPage.tsx').then((m) => ({
    default: m.FacilityImportPage,
  })),
);
const TerminalsPage = lazy(() =>
  import('./pages/facilities/console/TerminalsPage.tsx').then((m) => ({ default: m.TerminalsPage })),
);
const KioskApp = lazy(() => import('./kiosk/KioskApp.tsx').then((module) => ({ default: module.KioskApp })));
const KioskQrPage = lazy(() =>
  import('./kiosk/KioskQrPage.tsx').then((module) => ({ default: module.KioskQrPage })),
);
const TopicsAdminPage = lazy(() =>
  import('./pages/admin/TopicsAdminPage.tsx').then((module) => ({ default: module.TopicsAdminPage })),
);

// My data (registers, 用数记录, consents) and the sharing catalogue: loaded when first opened.
const DataHubPage = lazy(() =>
  import('./pages/data/DataHubPage.tsx').then((module) => ({ default: module.DataHubPage })),
);
const RegisterQueryPage = lazy(() =>
  import('./pages/data/RegisterQueryPage.tsx').then((module) => ({ default: module.RegisterQueryPage })),
);
const AccessRecordsPage = lazy(() =>
  import('./pages/data/AccessRecordsPage.tsx').then((module) => ({ default: module.AccessRecordsPage })),
);
const ConsentsPage = lazy(() =>
  import('./pages/data/ConsentsPage.tsx').then((module) => ({ default: module.ConsentsPage })),
);
const SharingRulesPage = lazy(() =>
  import('./pages/admin/sharing/SharingRulesPage.tsx').then((module) => ({
    default: module.SharingRulesPage,
  })),
);
const ObjectionsAdminPage = lazy(() =>
  import('./pages/admin/sharing/ObjectionsAdminPage.tsx').then((module) => ({
    default: module.ObjectionsAdminPage,
  })),
);
const ReconciliationPage = lazy(() =>
  import('./pages/payments/reconciliation/ReconciliationPage.tsx').then((module) => ({
    default: module.ReconciliationPage,
  })),
);

// Paying (生活缴费, fees, fines), the result after the provider's cashier, receipts and their check.
const PaymentsPage = lazy(() =>
  import('./pages/payments/PaymentsPage.tsx').then((module) => ({ default: module.PaymentsPage })),
);
const BindAccountPage = lazy(() =>
  import('./pages/payments/BindAccountPage.tsx').then((module) => ({ default: module.BindAccountPage })),
);
const PaymentOrdersPage = lazy(() =>
  import('./pages/payments/OrdersPage.tsx').then((module) => ({ default: module.OrdersPage })),
);
const PaymentResultPage = lazy(() =>
  import('./pages/payments/OrderResultPage.tsx').then((module) => ({ default: module.OrderResultPage })),
);
const PaymentReceiptPage = lazy(() =>
  import('./pages/payments/ReceiptPage.tsx').then((module) => ({ default: module.ReceiptPage })),
);
const ReceiptCheckPage = lazy(() =>
  import('./pages/payments/ReceiptCheckPage.tsx').then((module) => ({ default: module.ReceiptCheckPage })),
);

// The enterprise desk: workspace, the manager's desk, messages, requests (诉求) and the office queue.
const DeskWorkspacePage = lazy(() =>
  import('./pages/desk/workspace/WorkspacePage.tsx').then((module) => ({ default: module.WorkspacePage })),
);
const DeskManagerPage = lazy(() =>
  import('./pages/desk/workspace/ManagerDeskPage.tsx').then((module) => ({
    default: module.ManagerDeskPage,
  })),
);
const DeskThreadPage = lazy(() =>
  import('./pages/desk/workspace/ThreadPage.tsx').then((module) => ({ default: module.ThreadPage })),
);
const DeskRequestsPage = lazy(() =>
  import('./pages/desk/requests/MyRequestsPage.tsx').then((module) => ({ default: module.MyRequestsPage })),
);
const DeskNewRequestPage = lazy(() =>
  import('./pages/desk/requests/NewRequestPage.tsx').then((module) => ({ default: module.NewRequestPage })),
);
const DeskRequestPage = lazy(() =>
  import('./pages/desk/requests/RequestPage.tsx').then((module) => ({ default: module.RequestPage })),
);
const DeskOfficePage = lazy(() =>
  import('./pages/desk/requests/OfficeQueuePage.tsx').then((module) => ({ default: module.OfficeQueuePage })),
);
const WebhooksPage = lazy(() =>
  import('./pages/open-platform/webhooks/WebhooksPage.tsx').then((module) => ({
    default: module.WebhooksPage,
  })),
);

// The open platform: the authorization page partner apps send residents to, partners' apps, review.
const AuthorizePage = lazy(() =>
  import('./pages/open-platform/AuthorizePage.tsx').then((module) => ({ default: module.AuthorizePage })),
);
const PartnerAppsPage = lazy(() =>
  import('./pages/open-platform/PartnerAppsPage.tsx').then((module) => ({ default: module.PartnerAppsPage })),
);
const OpenPlatformReviewPage = lazy(() =>
  import('./pages/open-platform/AdminReviewPage.tsx').then((module) => ({ default: module.AdminReviewPage })),
);

// The enterprise desk's investment pipeline, policy library (政策找企业) and figures: loaded on first use.
const DeskInvestmentPage = lazy(() =>
  import('./pages/desk/investment/InvestmentPage.tsx').then((m) => ({ default: m.InvestmentPage })),
);
const DeskProspectPage = lazy(() =>
  import('./pages/desk/investment/ProspectPage.tsx').then((m) => ({ default: m.ProspectPage })),
);
const DeskEnterprisePoliciesPage = lazy(() =>
  import('./pages/desk/policies/EnterprisePoliciesPage.tsx').then((m) => ({
    default: m.EnterprisePoliciesPage,
  })),
);
const DeskPolicyLibraryPage = lazy(() =>
  import('./pages/desk/policies/PolicyLibraryPage.tsx').then((m) => ({ default: m.PolicyLibraryPage })),
);
const DeskPolicyEditorPage = lazy(() =>
  import('./pages/desk/policies/PolicyEditorPage.tsx').then((m) => ({ default: m.PolicyEditorPage })),
);
const DeskMetricsPage = lazy(() =>
  import('./pages/desk/metrics/DeskMetricsPage.tsx').then((m) => ({ default: m.DeskMetricsPage })),
);
// The desk's visits (无事不扰), coordination rooms (协调群) and project landing: loaded on first use.
const DeskVisitsPage = lazy(() =>
  import('./pages/desk/visits/VisitsPage.tsx').then((m) => ({ default: m.VisitsPage })),
);
const DeskRoomsPage = lazy(() =>
  import('./pages/desk/rooms/RoomsPage.tsx').then((m) => ({ default: m.RoomsPage })),
);
const DeskRoomPage = lazy(() =>
  import('./pages/desk/rooms/RoomPage.tsx').then((m) => ({ default: m.RoomPage })),
);
const DeskProjectsPage = lazy(() =>
  import('./pages/desk/projects/ProjectsPage.tsx').then((m) => ({ default: m.ProjectsPage })),
);
const DeskProjectPage = lazy(() =>
  import('./pages/desk/projects/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })),
);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingStatus />}>{children}</Suspense>;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          {/* The self-service terminal: its own full-screen shell, outside the site's layout. */}
          <Route
            path="kiosk/:facilityCode"
            element={
              <Loading>
                <KioskApp />
              </Loading>
            }
          />
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="register" element={<RegisterPage />} />
            <Route path="me" element={<MePage />} />
            <Route
              path="me/certificates"
              element={
                <Loading>
                  <WalletPage />
                </Loading>
              }
            />
            <Route
              path="me/certificates/:id"
              element={
                <Loading>
                  <CertificatePage />
                </Loading>
              }
            />
            <Route
              path="verify"
              element={
                <Loading>
                  <VerifyPage />
                </Loading>
              }
            />
            <Route
              path="verify/:number"
              element={
                <Loading>
                  <VerifyPage />
                </Loading>
              }
            />
            <Route path="me/inbox" element={<InboxPage />} />
            <Route
              path="me/kiosk-sign-in"
              element={
                <Loading>
                  <KioskQrPage />
                </Loading>
              }
            />
            <Route
              path="me/notification-settings"
              element={
                <Loading>
                  <NotificationSettingsPage />
                </Loading>
              }
            />
            <Route path="services" element={<ServiceSearchPage />} />
            <Route path="services/:idOrCode" element={<ServicePage />} />
            <Route
              path="services/:idOrCode/apply"
              element={
                <Loading>
                  <ApplyPage />
                </Loading>
              }
            />
            <Route
              path="applications"
              element={
                <Loading>
                  <ApplicationsPage />
                </Loading>
              }
            />
            <Route
              path="applications/:id"
              element={
                <Loading>
                  <ApplicationPage />
                </Loading>
              }
            />
            <Route path="topics" element={<TopicsPage />} />
            <Route path="facilities" element={<FacilityFinderPage />} />
            <Route path="facilities/overview" element={<FacilityOverviewPage />} />
            {(
              [
                ['facilities/console', <FacilityConsolePage key="home" />],
                ['facilities/console/streets/:street', <StreetConsolePage key="street" />],
                ['facilities/console/districts/:district', <DistrictConsolePage key="district" />],
                ['facilities/console/import', <FacilityImportPage key="import" />],
                ['facilities/console/facilities/:code/terminals', <TerminalsPage key="terminals" />],
              ] as const
            ).map(([path, page]) => (
              <Route key={path} path={path} element={<Loading>{page}</Loading>} />
            ))}
            <Route path="facilities/:code" element={<FacilityPage />} />
            <Route
              path="admin/catalog"
              element={
                <Loading>
                  <CatalogAdminPage />
                </Loading>
              }
            />
            <Route
              path="admin/catalog/new"
              element={
                <Loading>
                  <CatalogEditorPage />
                </Loading>
              }
            />
            <Route
              path="admin/catalog/:id"
              element={
                <Loading>
                  <CatalogEditorPage />
                </Loading>
              }
            />
            <Route
              path="admin/synonyms"
              element={
                <Loading>
                  <SynonymsPage />
                </Loading>
              }
            />
            <Route
              path="admin/departments"
              element={
                <Loading>
                  <DepartmentsPage />
                </Loading>
              }
            />
            <Route
              path="admin/topics"
              element={
                <Loading>
                  <TopicsAdminPage />
                </Loading>
              }
            />
            <Route
              path="admin/calendar"
              element={
                <Loading>
                  <CalendarAdminPage />
                </Loading>
              }
            />
            <Route
              path="workbench"
              element={
                <Loading>
                  <WorkbenchQueuePage />
                </Loading>
              }
            />
            <Route
              path="workbench/applications/:id"
              element={
                <Loading>
                  <WorkbenchApplicationPage />
                </Loading>
              }
            />
            <Route
              path="workbench/counter"
              element={
                <Loading>
                  <WorkbenchCounterPage />
                </Loading>
              }
            />
            <Route
              path="data"
              element={
                <Loading>
                  <DataHubPage />
                </Loading>
              }
            />
            <Route
              path="data/access"
              element={
                <Loading>
                  <AccessRecordsPage />
                </Loading>
              }
            />
            <Route
              path="data/consents"
              element={
                <Loading>
                  <ConsentsPage />
                </Loading>
              }
            />
            <Route
              path="data/:slug"
              element={
                <Loading>
                  <RegisterQueryPage />
                </Loading>
              }
            />
            <Route
              path="admin/sharing"
              element={
                <Loading>
                  <SharingRulesPage />
                </Loading>
              }
            />
            <Route
              path="admin/sharing/objections"
              element={
                <Loading>
                  <ObjectionsAdminPage />
                </Loading>
              }
            />
            <Route
              path="admin/reconciliation"
              element={
                <Loading>
                  <ReconciliationPage />
                </Loading>
              }
            />
            {(
              [
                ['payments', <PaymentsPage key="payments" />],
                ['payments/accounts/new', <BindAccountPage key="bind" />],
                ['payments/orders', <PaymentOrdersPage key="orders" />],
                ['payments/orders/:id', <PaymentResultPage key="result" />],
                ['payments/orders/:id/receipt', <PaymentReceiptPage key="receipt" />],
                ['payments/receipts/check', <ReceiptCheckPage key="check" />],
              ] as const
            ).map(([path, page]) => (
              <Route key={path} path={path} element={<Loading>{page}</Loading>} />
            ))}
            <Route
              path="open-platform/webhooks"
              element={
                <Loading>
                  <WebhooksPage />
                </Loading>
              }
            />
            {(
              [
                ['open-platform', <PartnerAppsPage key="partner" />],
                ['open-platform/authorize/:uid', <AuthorizePage key="authorize" />],
                ['admin/open-platform', <OpenPlatformReviewPage key="review" />],
              ] as const
            ).map(([path, page]) => (
              <Route key={path} path={path} element={<Loading>{page}</Loading>} />
            ))}
            {(
              [
                ['desk', <DeskWorkspacePage key="desk" />],
                ['desk/manager', <DeskManagerPage key="desk-manager" />],
                ['desk/messages/:enterpriseId', <DeskThreadPage key="desk-thread" />],
                ['desk/requests', <DeskRequestsPage key="desk-requests" />],
                ['desk/requests/new', <DeskNewRequestPage key="desk-new-request" />],
                ['desk/requests/:id', <DeskRequestPage key="desk-request" />],
                ['desk/office', <DeskOfficePage key="desk-office" />],
              ] as const
            ).map(([path, page]) => (
              <Route key={path} path={path} element={<Loading>{page}</Loading>} />
            ))}
            {(
              [
                ['desk/investment', <DeskInvestmentPage key="desk-investment" />],
                ['desk/investment/prospects/:id', <DeskProspectPage key="desk-prospect" />],
                ['desk/policies', <DeskEnterprisePoliciesPage key="desk-policies" />],
                ['desk/policies/library', <DeskPolicyLibraryPage key="desk-policy-library" />],
                ['desk/policies/library/:id', <DeskPolicyEditorPage key="desk-policy-editor" />],
                ['desk/metrics', <DeskMetricsPage key="desk-metrics" />],
                ['desk/visits', <DeskVisitsPage key="desk-visits" />],
                ['desk/rooms', <DeskRoomsPage key="desk-rooms" />],
                ['desk/rooms/:id', <DeskRoomPage key="desk-room" />],
                ['desk/projects', <DeskProjectsPage key="desk-projects" />],
                ['desk/projects/:id', <DeskProjectPage key="desk-project" />],
              ] as const
            ).map(([path, page]) => (
              <Route key={path} path={path} element={<Loading>{page}</Loading>} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
