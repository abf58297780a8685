import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { apiUpload, attachmentRef, ApiError } from '../api/http';
import type { AttachmentRef } from '@hotline/contracts';
import { useT } from '../i18n';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type UploadItem = UploadFile<AttachmentRef>;

/** The references of the files that finished uploading, in the order shown. */
export const uploadedRefs = (items: readonly UploadItem[]): AttachmentRef[] =>
  items.flatMap((item) => (item.status === 'done' && item.response !== undefined ? [item.response] : []));

/**
 * Photos and files, each uploaded at once to `/api/attachments`; the form sends only references.
 * A refused file stays in the list with the gateway's reason.
 */
export function PhotoUpload({
  id,
  value = [],
  onChange,
  accept = 'image/*',
  max = 9,
}: {
  id?: string;
  value?: UploadItem[];
  onChange?: (items: UploadItem[]) => void;
  accept?: string;
  max?: number;
}) {
  const t = useT();
  return (
    <Upload<AttachmentRef>
      accept={accept}
      listType="picture"
      multiple
      maxCount={max}
      fileList={value}
      onChange={({ fileList }) => onChange?.(fileList)}
      beforeUpload={(file) => {
        if (file.size > MAX_UPLOAD_BYTES) {
          onChange?.([
            ...value,
            { uid: file.uid, name: file.name, status: 'error', error: new Error(t('upload.tooLarge')) },
          ]);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        apiUpload(file as File).then(
          (uploaded) => onSuccess?.(attachmentRef(uploaded)),
          (error: unknown) => onError?.(error instanceof ApiError ? error : new Error(t('error.unknown'))),
        );
      }}
    >
      <Button id={id} icon={<UploadOutlined aria-hidden />} disabled={value.length >= max}>
        {t('upload.choose')}
      </Button>
    </Upload>
  );
}
