import type { AreaMessages } from './messages.types';

/** 来电播报: the IVR's live announcement on the supervisor seat (`/supervisor`). */
const messages: AreaMessages = {
  'zh-CN': {
    'announce.title': '来电播报（重大事件）',
    'announce.playing': '所有来电人在菜单前都会听到：',
    'announce.none': '当前没有播报。重大事件时（如某区停电）可设置一段话，来电人在菜单前听到，减少重复来电。',
    'announce.until': '播放至 {when}',
    'announce.untilCleared': '直到清除',
    'announce.setBy': '{name}设置于 {when}',
    'announce.clear': '清除播报',
    'announce.zh': '播报内容（中文）',
    'announce.zhPlaceholder': '例如：鼓楼区部分小区停电，供电公司正在抢修，预计今晚恢复。',
    'announce.en': '播报内容（英文，可不填）',
    'announce.enPlaceholder': '不填时英文来电人也听中文内容',
    'announce.for': '播放时长',
    'announce.hours': '{hours} 小时',
    'announce.set': '设置播报',
    'announce.fromSurge': '设为来电播报',
    'announce.done': '已设为来电播报，播放 4 小时',
  },
  en: {
    'announce.title': 'Live announcement (mass incident)',
    'announce.playing': 'Every caller hears before the menu:',
    'announce.none':
      'Nothing is playing. During a mass incident (a power cut in a district) set words callers hear before the menu, so fewer call to report it again.',
    'announce.until': 'Playing until {when}',
    'announce.untilCleared': 'Until cleared',
    'announce.setBy': 'set by {name} on {when}',
    'announce.clear': 'Clear the announcement',
    'announce.zh': 'Words (Chinese)',
    'announce.zhPlaceholder': 'For example: parts of Gulou have no power; repairs are under way.',
    'announce.en': 'Words (English, optional)',
    'announce.enPlaceholder': 'Left empty, English callers hear the Chinese words',
    'announce.for': 'Play for',
    'announce.hours': '{hours} hours',
    'announce.set': 'Set the announcement',
    'announce.fromSurge': 'Play to callers',
    'announce.done': 'Callers hear it now, for 4 hours',
  },
};

export default messages;
