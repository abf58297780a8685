/** Injection token of the gateway's FileAttachmentStore (`<HOTLINE_DATA_DIR>/attachments`). */
export const ATTACHMENT_STORE = Symbol('hotline.gateway.attachment-store');

/** Injection token of the gateway's AnonymousUploadQuota (the portal's uploads without an account). */
export const ANONYMOUS_UPLOAD_QUOTA = Symbol('hotline.gateway.anonymous-upload-quota');
