// The type column of a survey row, in every spelling the XLSForm spec and its tools accept:
// `select_one x`, `select one x`, `select one from x`, `select_one x or_other`, `begin group`, `begin_repeat`.

export type RowType =
  | { type: 'select'; multiple: boolean; list: string; orOther: boolean }
  | { type: 'begin-group' | 'end-group' | 'begin-repeat' | 'end-repeat' }
  | { type: 'text' | 'integer' | 'decimal' | 'date' | 'note' }
  | { type: 'refused'; reason: 'media' | 'location' | 'metadata' | 'calculate' | 'acknowledge' | 'fromFile' | 'unsupported' }

const SELECT = /^select[_ ](one|multiple|all[_ ]that[_ ]apply)(?:[_ ]from)?\s+(\S+)(\s+or[_ ](?:other|specify[_ ]other))?$/i
const FROM_FILE = /^(select[_ ](one|multiple)[_ ](from[_ ]file|external)|rank|select_one_from_file|select_multiple_from_file)\b/i
const SIMPLE: Record<string, RowType> = {
  begin_group: { type: 'begin-group' },
  end_group: { type: 'end-group' },
  begin_repeat: { type: 'begin-repeat' },
  end_repeat: { type: 'end-repeat' },
  text: { type: 'text' },
  string: { type: 'text' },
  integer: { type: 'integer' },
  int: { type: 'integer' },
  decimal: { type: 'decimal' },
  date: { type: 'date' },
  note: { type: 'note' },
}
const REFUSED: Record<string, Extract<RowType, { type: 'refused' }>['reason']> = {
  calculate: 'calculate',
  acknowledge: 'acknowledge',
  trigger: 'acknowledge',
  geopoint: 'location',
  geotrace: 'location',
  geoshape: 'location',
  'start-geopoint': 'location',
  image: 'media',
  audio: 'media',
  video: 'media',
  file: 'media',
  'background-audio': 'media',
  'background-video': 'media',
  photo: 'media',
  start: 'metadata',
  end: 'metadata',
  today: 'metadata',
  deviceid: 'metadata',
  subscriberid: 'metadata',
  simserial: 'metadata',
  phonenumber: 'metadata',
  username: 'metadata',
  email: 'metadata',
  audit: 'metadata',
  'uri:email': 'metadata',
  'uri:deviceid': 'metadata',
  'uri:phonenumber': 'metadata',
  'uri:username': 'metadata',
  'xml-external': 'fromFile',
  'csv-external': 'fromFile',
}

export function rowType(raw: string): RowType {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (FROM_FILE.test(text)) return { type: 'refused', reason: 'fromFile' }
  const select = SELECT.exec(text)
  if (select) return { type: 'select', multiple: select[1]!.toLowerCase() !== 'one', list: select[2]!, orOther: Boolean(select[3]) }
  const word = text.toLowerCase().replace(/ /g, '_')
  // `end group` and `end_group` are group ends; plain `end` is device metadata (when the form was finished).
  const simple = SIMPLE[word]
  if (simple) return simple
  const refused = REFUSED[word] ?? REFUSED[text.toLowerCase()]
  return { type: 'refused', reason: refused ?? 'unsupported' }
}
