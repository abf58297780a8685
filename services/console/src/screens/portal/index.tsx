import { Segmented } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { ChatPage } from './chat-page';
import { KnowledgePage } from './knowledge-page';
import { PublicRecordPage } from './public-record-page';
import { SubmitPage } from './submit-page';
import { SurveyPage } from './survey-page';
import { TrackPage } from './track-page';

// The web chat (/portal/chat) belongs to 'submit': a fifth segment would not fit a 375 px phone.
const SECTIONS = ['submit', 'track', 'knowledge', 'record'] as const;

/** The citizen portal: public, no account, laid out for a phone first. */
export default function PortalArea() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const current = SECTIONS.find((section) => location.pathname.startsWith(`/portal/${section}`)) ?? 'submit';
  // The survey page is reached from an SMS link, one task at a time: no sections around it.
  const surveying = location.pathname.startsWith('/portal/survey/');
  return (
    <div className="portal">
      {!surveying && (
        <nav aria-label={t('portal.sections')} className="portal-sections">
          <Segmented
            block
            value={current}
            onChange={(section) => void navigate(`/portal/${section}`)}
            options={SECTIONS.map((section) => ({ value: section, label: t(`portal.section.${section}`) }))}
          />
        </nav>
      )}
      <Routes>
        <Route index element={<Navigate to="submit" replace />} />
        <Route path="submit" element={<SubmitPage />} />
        <Route path="chat" element={<ChatPage />} />
        <Route path="track" element={<TrackPage />} />
        <Route path="knowledge" element={<KnowledgePage />} />
        <Route path="record" element={<PublicRecordPage />} />
        <Route path="survey/:token" element={<SurveyPage />} />
        <Route path="*" element={<Navigate to="submit" replace />} />
      </Routes>
    </div>
  );
}
