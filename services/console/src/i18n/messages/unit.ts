import type { AreaMessages } from './messages.types';

/** The unit portal. */
const messages: AreaMessages = {
  'zh-CN': {
    'unit.title': '承办单位工作台',
  },
  en: {
    'unit.title': 'Unit portal',
  },
};

export default messages;
