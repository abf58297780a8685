export { extractPdfText } from './pdf-text';
export { readXlsx } from './read-xlsx';
