import { useState } from 'react';
import { Button, List, Modal, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { AttachmentRef } from '@hotline/contracts';
import { useT } from '../i18n';

/** A file's address; through its case (`?caseId=`), since a unit's staff may open only what their cases reference. */
export const attachmentHref = (attachment: AttachmentRef, caseId?: string): string =>
  `/api/attachments/${encodeURIComponent(attachment.id)}${caseId !== undefined ? `?caseId=${encodeURIComponent(caseId)}` : ''}`;

/**
 * The files of a case or a contact: photos as thumbnails that open full size in a dialog named by
 * the file (the download route answers as a file, so a plain link would save it instead of showing
 * it), call recordings (audio) with a player, other files as links to download.
 */
export function AttachmentList({
  attachments,
  caseId,
}: {
  attachments: readonly AttachmentRef[];
  /** The case the files belong to; none for a contact's files on the desk. */
  caseId?: string;
}) {
  const t = useT();
  const [open, setOpen] = useState<AttachmentRef | undefined>(undefined);
  if (attachments.length === 0)
    return <Typography.Text type="secondary">{t('common.attachments.none')}</Typography.Text>;
  return (
    <>
      <List
        size="small"
        dataSource={[...attachments]}
        renderItem={(attachment) => {
          const href = attachmentHref(attachment, caseId);
          return (
            <List.Item key={attachment.id}>
              {attachment.mediaType.startsWith('image/') ? (
                <Button
                  type="text"
                  style={{ height: 'auto', padding: 0 }}
                  aria-label={t('common.attachments.openFile', { name: attachment.name })}
                  onClick={() => setOpen(attachment)}
                >
                  <img
                    src={href}
                    alt={attachment.name}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover' }}
                  />
                </Button>
              ) : attachment.mediaType.startsWith('audio/') ? (
                // A call recording plays in place; the browser fetches it only when played.
                <audio
                  controls
                  preload="none"
                  src={href}
                  aria-label={t('common.attachments.listen', { name: attachment.name })}
                />
              ) : (
                <PaperClipOutlined aria-hidden />
              )}{' '}
              <a href={href} download={attachment.name}>
                {attachment.name}
              </a>
            </List.Item>
          );
        }}
      />
      <Modal
        open={open !== undefined}
        title={open?.name}
        width="min(96vw, 1200px)"
        footer={null}
        onCancel={() => setOpen(undefined)}
        destroyOnHidden
      >
        {open !== undefined && (
          <img
            src={attachmentHref(open, caseId)}
            alt={open.name}
            style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }}
          />
        )}
      </Modal>
    </>
  );
}
