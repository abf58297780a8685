import type { AreaMessages } from './messages.types';

/** The citizen portal. */
const messages: AreaMessages = {
  'zh-CN': {
    'portal.title': '市民服务',
  },
  en: {
    'portal.title': 'Citizen services',
  },
};

export default messages;
