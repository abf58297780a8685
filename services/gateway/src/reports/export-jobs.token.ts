/** Injection token of the gateway's ExportJobs (`<HOTLINE_DATA_DIR>/exports`). */
export const EXPORT_JOBS = Symbol('hotline.gateway.export-jobs');
