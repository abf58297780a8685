import { Route, Routes } from 'react-router';
import { WallboardPage } from './wallboard-page';

/** The supervisor seat (班长席): the wallboard. */
export default function SupervisorArea() {
  return (
    <Routes>
      <Route index element={<WallboardPage />} />
    </Routes>
  );
}
