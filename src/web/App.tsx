import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MePage } from './pages/MePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { ServicePage } from './pages/catalog/ServicePage.tsx';
import { ServiceSearchPage } from './pages/catalog/ServiceSearchPage.tsx';
import { TopicsPage } from './pages/catalog/TopicsPage.tsx';
import { SessionProvider } from './session/session-context.tsx';

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="register" element={<RegisterPage />} />
            <Route path="me" element={<MePage />} />
            <Route path="services" element={<ServiceSearchPage />} />
            <Route path="services/:idOrCode" element={<ServicePage />} />
            <Route path="topics" element={<TopicsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
