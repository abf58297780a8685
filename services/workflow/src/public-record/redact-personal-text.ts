/**
 * Personal data a citizen or a unit may have typed into free text: mobile and landline numbers,
 * identity card numbers, e-mail addresses, and bank card numbers. Names can't be recognised
 * reliably in Chinese text, so the citizen's own name (known from the case) is removed by value, and
 * a common surname before a form of address (王先生, 欧阳女士, 李师傅) is taken as a name too. The
 * center's public record review catches what is left.
 */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // 18-digit identity card numbers (the last may be X) before phone numbers, which they contain.
  [/(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/g, '[身份证号]'],
  [/(?<!\d)\d{16,19}(?!\d)/g, '[卡号]'],
  [/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, '[电话]'],
  [/(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)/g, '[电话]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[邮箱]'],
];

/**
 * The most common surnames (two-character ones first, so 欧阳 is not read as 欧), without those that
 * are everyday words before a form of address (和老师, 向老师, 应老师要求).
 */
const SURNAMES =
  '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|' +
  '王|李|张|刘|陈|杨|黄|赵|吴|周|徐|孙|马|朱|胡|郭|何|高|林|罗|郑|梁|谢|宋|唐|许|韩|冯|邓|曹|彭|曾|肖|田|董|袁|潘|于|蒋|蔡|余|杜|叶|程|苏|魏|吕|丁|任|沈|姚|卢|姜|崔|钟|谭|陆|汪|范|金|石|廖|贾|夏|韦|付|方|白|邹|孟|熊|秦|邱|江|尹|薛|闫|段|雷|侯|龙|史|陶|黎|贺|顾|毛|郝|龚|邵|万|钱|严|覃|武|戴|莫|孔|汤|常|温|康|施|文|牛|樊|葛|邢|安|齐|易|乔|伍|庞|颜|倪|庄|聂|章|鲁|岳|翟|殷|詹|申|欧|耿|关|兰|焦|俞|左|柳|甘|祝|包|宁|尚|符|舒|阮|柯|纪|梅|童|凌|毕|单|季|裴|霍|涂|成|苗|谷|盛|曲|翁|冉|骆|蓝|路|游|辛|靳|管|柴|蒙|鲍|华|喻|祁|蒲|房|滕|屈|饶|解|牟|艾|尤|阳|时|穆|农|司|卓|古|吉|缪|简|车|项|连|芦|麦|褚|娄|窦|戚|岑|景|党|宫|费|卜|冷|晏|席|卫|米|柏|宗|瞿|桂|全|佟|臧|闵|苟|邬|边|卞|姬|师|仇|栾|隋|商|刁|沙|荣|巫|寇|桑|郎|甄|丛|仲|虞|敖|巩|明|佘|池|查|麻|苑|迟|邝';
const FORMS_OF_ADDRESS = '先生|女士|小姐|同志|阿姨|大爷|大妈|大姐|大哥|师傅|老师|老伯|奶奶|爷爷';
const ADDRESSED_NAME = new RegExp(`(?:${SURNAMES})(?=(?:${FORMS_OF_ADDRESS}))`, 'g');

/** `text` with personal data replaced by placeholders; `names` are removed wherever they stand. */
export function redactPersonalText(text: string, names: readonly string[] = []): string {
  let redacted = text;
  for (const name of names) {
    // A one-character "name" would erase ordinary words.
    if (name.trim().length >= 2) redacted = redacted.split(name.trim()).join('[姓名]');
  }
  for (const [pattern, placeholder] of PATTERNS) redacted = redacted.replace(pattern, placeholder);
  return redacted.replace(ADDRESSED_NAME, '[姓名]');
}
