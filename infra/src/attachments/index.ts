export { judgeAttachment, type AttachmentVerdict, type IncomingAttachment } from './attachment-policy';
export { FileAttachmentStore, type StoredAttachment } from './file-attachment-store';
export { UPLOAD_MAX_BYTES, UPLOAD_MEDIA_TYPES, judgeUpload, type UploadVerdict } from './upload-policy';
