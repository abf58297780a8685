/** Injection token of the gateway's FileAttachmentStore (`<HOTLINE_DATA_DIR>/attachments`). */
export const ATTACHMENT_STORE = Symbol('hotline.gateway.attachment-store');
