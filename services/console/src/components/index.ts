export { CaseColourTag } from './case-colour-tag';
export { CaseStatusTag } from './case-status-tag';
export { CaseTimeline } from './case-timeline';
export { CategoryPicker, type CategoryPickerProps } from './category-picker';
export { EmptyState } from './empty-state';
export { ErrorAlert } from './error-alert';
export { PageHeader } from './page-header';
export { PhotoUpload, uploadedRefs, MAX_UPLOAD_BYTES, type UploadItem } from './photo-upload';
export { ToneTag, type Tone } from './tone-tag';
