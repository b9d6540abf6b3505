// The built-in signs that free text tells of harm to the writer or someone close to them, in
// Indonesian and English. A sign counts only when the text is personal (first person, "anak saya",
// "my daughter", or someone doing something to them) and is not talk about the topic ("materi
// tentang pemerasan", "I learned how predators ask for photos"). Pure, and part of the phone's bundle.
import type { Token } from './chat-words.ts'

const set = (words: string) => new Set(words.split(' '))

// Each concept is a set of words and roots; a token belongs to it when one of its forms is in the set.
const THREAT = set('ancam threat threaten blackmail peras extort sextort sextorted')
const SPREAD = set('sebar viral share post leak spread upload')
const IMAGE = set('foto video pap vcs vc gambar nude naked bugil telanjang kelamin porno porn picture photo selfie jorok mesum sexual seksual')
const CLOTHES = set('baju celana clothe clothes shirt pakaian')
const UNDRESS = set('buka lepas off undress without tanpa')
const TOUCH = set('pegang raba sentuh colek cium touch grab kiss grope peluk')
const ABUSE = set('perkosa cabul leceh rape molest abuse assault sextortion')
const FORCE = set('paksa force pressure pressured')
const GROOM = set('rayu bujuk groom culik jual catfish stalk stalking')
const ASK = set('minta mintai ask suruh offer')
const SEND = set('kirim kirimi send sent receive got')
const HAVE = set('punya simpan has have keep')
const MEET = set('ketemu ketemuan jumpa meet met ajak samper')
// Online, or an adult the child does not know well: children call an adult man "om" (also an uncle, so this can over-flag).
const ONLINE = set('om oom online daring ig instagram fb facebook tiktok ml ff roblox discord snap snapchat game wa dm michat telegram chat internet kenal asing stranger strangers kenalan')
const HURT = set('pukul siksa hurt hurts hit bunuh kill')
const RECORD = set('rekam record film filmed videoin difoto')
const SECRET = set('rahasia secret hapus')
const VICTIM = set('korban victim')
const HELP = set('tolong bantu bantuan help')
const FIRST = set('saya aku kami i me my mine myself we us our')
const ACTOR = set('dia mereka he she they him her them someone somebody seseorang')
// Words that make what follows talk about the topic, learning or a hypothetical.
const TOPIC = set('tentang soal mengenai materi pembahasan penjelasan contoh kasus cara belajar about learned learn learning how example examples story part explain teach know tahu sadar if kalau jika bila apabila jangan never')
// After "forced to" / "dipaksa" / "made me": attending the session, or a feeling, is not harm.
const HARMLESS_AFTER = set('come attend join ikut datang hadir pulang cry laugh think realise realize feel understand aware happy sad smile want')
const NEVER = set('terpaksa keras kerasnya')

const is = (t: Token | undefined, concept: Set<string>) => !!t && !NEVER.has(t.word) && [...t.forms].some((f) => concept.has(f))
// Nouns made from a verb (ancaman, pemerasan, sentuhan, kekerasan) name the topic; the verb tells of an event.
const isNoun = (t: Token) => /^(pe|ke).{3,}an$/.test(t.word) || /^(ancaman|sentuhan|paksaan|rayuan|bujukan|sebaran|rekaman)$/.test(t.word)
const isPassive = (t: Token) => /^(di|ter)/.test(t.word) && t.word !== 'terpaksa'

const CONDITIONAL = set('kalau jika bila apabila if')
// Words that name a lesson or a way of doing things: talk about the topic even with "me" in it ("cara melapor kalau dia mengancam saya").
const LESSON = set('cara how contoh example examples materi pembahasan penjelasan')
// A topic word does not reach past "but": "never told anyone but my cousin abused me".
const CLAUSE_BREAK = set('but tapi tetapi namun padahal')
const OBJECT = set('me us aku saya kami my our')
const MODAL = set('can could might may bisa dapat boleh')
const mine = (t: Token | undefined) => !!t && /^.{3,}ku$/.test(t.word) && t.forms.size > 1
// "(aku) udah terlanjur kirim": too late to undo, the writer's own act; "kalau anak terlanjur…" is about children in general.
const tooLate = (tokens: readonly Token[], k: number) => tokens[k]?.word === 'terlanjur' && (k === 0 || tokens[k - 1]!.word === 'sudah' || FIRST.has(tokens[k - 1]!.word))

/** Whether the sign at i happened to the writer: done to them ("touching me", "nyebarin videoku") or by someone of theirs ("pacarku ngancam", "my coach touching"). */
function isExperience(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]
  // "someone can threaten me": what could happen, not what did.
  if (MODAL.has(tokens[i - 1]?.word ?? '')) return false
  if (next && (OBJECT.has(next.word) || mine(next))) return true
  return mine(tokens[i - 1]) || (tokens[i - 2]?.word === 'my' && !FIRST.has(tokens[i - 1]!.word))
}

/**
 * Whether the word at i is talk about the topic: a topic word shortly before it in the same clause. A
 * first-person experience is not excused by "tahu", "learned", "jangan" or "never", only by a lesson word or
 * a condition ("kalau ada yang minta foto saya").
 */
export function isTopicTalk(tokens: readonly Token[], i: number): boolean {
  const at = tokens[i]!
  if (tooLate(tokens, i - 1)) return false
  const experience = isExperience(tokens, i)
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    const t = tokens[j]!
    if (t.sentence !== at.sentence || CLAUSE_BREAK.has(t.word)) break
    if (!TOPIC.has(t.word)) continue
    const before = tokens[j - 1]?.word ?? ''
    // "tidak tahu harus cerita", "i dont know what to do": not knowing what to do is distress, not learning.
    if ((t.word === 'tahu' || t.word === 'know') && (before === 'tidak' || before === 'dont') && ['what', 'how', 'harus', 'mau', 'gimana', 'cara'].includes(tokens[j + 1]?.word ?? '')) continue
    if ((before === 'tahu' || before === 'know') && ['tidak', 'dont'].includes(tokens[j - 2]?.word ?? '')) continue
    // "dia bilang kalau…", "he said if…": a threat being reported. "baru tahu kalau…": kalau means "that".
    const that = ['bilang', 'kata', 'said', 'says', 'ngomong', 'tahu', 'sadar', 'know', 'knew'].includes(before)
    if (CONDITIONAL.has(t.word) && that) continue
    if (experience && !LESSON.has(t.word) && !CONDITIONAL.has(t.word)) continue
    return true
  }
  return false
}

const FILLER = set('to me us saya aku kami untuk buat sama by mau ingin want')
const HELP_ACTIVITY = set('understand spread share learn adakan kirim kirimkan tambahkan ulang diulang bagikan with tanya nanya bertanya ask question')
// "tolong", "help": a request; "membantu", "helped me" say thanks.
const HELP_WORDS = set('tolong bantu bantuin bantuan help')
// The writer or a polite request as the one asking or sharing: "saya minta foto bersama", "boleh minta videonya".
const SELF_OR_POLITE = set('saya aku kami i we boleh mohon tolong bisa can could please lets')
// Photos of the day itself: "foto kegiatannya", "video ini", "foto bersama".
const EVENT = set('kegiatan kegiatannya acara acaranya bersama seminar tadi ini materi presentasi slide slides kelas sesi session event this the class')
const DISASTER = set('banjir bencana kebakaran gempa kecelakaan flood fire accident earthquake')

// "tolong hubungi saya untuk materi lanjutan": a request to be sent material. Its number is blanked either way, so
// routing it to referral staff would help no one; a bare "tolong hubungi saya" is still a call for help.
const MATERIAL = set('materi info informasi seminar kegiatan acara jadwal lanjutan brosur modul pelatihan sesi workshop material materials training session')
const forMaterial = (tokens: readonly Token[], i: number) =>
  tokens.some((t, k) => k > i && k <= i + 8 && t.sentence === tokens[i]!.sentence && ['untuk', 'soal', 'tentang', 'about', 'for'].includes(t.word) && MATERIAL.has(tokens[k + 1]?.word ?? ''))

/** Whether the sign at i is excused by what follows it ("dipaksa ikut", "forced to come", "help me understand", "made me cry"). */
export function isExcused(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!
  if (NEVER.has(t.word)) return true
  const after = tokens
    .slice(i + 1, i + 4)
    .map((w) => w.word)
    .find((w) => !FILLER.has(w))
  if (is(t, HELP) && !HELP_WORDS.has(t.word)) return true
  if (!after) return false
  if (is(t, HELP)) return HELP_ACTIVITY.has(after) || forMaterial(tokens, i)
  if (is(t, FORCE) || t.word === 'made') return HARMLESS_AFTER.has(after)
  return false
}

const near = (tokens: readonly Token[], i: number, concept: Set<string>, span = 4) => tokens.some((t, k) => k !== i && Math.abs(k - i) <= span && is(t, concept))
const followedBy = (tokens: readonly Token[], i: number, concept: Set<string>, span = 3) => tokens.slice(i + 1, i + 1 + span).some((t) => is(t, concept) || concept.has(t.word))
/** A photo or video of a person, not of the session ("foto kegiatannya", "video ini"). */
const isImageAt = (tokens: readonly Token[], k: number) => is(tokens[k], IMAGE) && !EVENT.has(tokens[k + 1]?.word ?? '')
const imageWithin = (tokens: readonly Token[], from: number, to: number) => tokens.some((_, k) => k >= from && k <= to && isImageAt(tokens, k))
// "dia chat aku minta pap": aku is the one written to, so the other person asks.
const CONTACT = set('chat dm wa pm inbox telpon telepon nelpon call message text vc')
const isObjectAt = (tokens: readonly Token[], k: number) => FIRST.has(tokens[k]!.word) && [CONTACT, ASK, FORCE, GROOM, THREAT].some((c) => is(tokens[k - 1], c))
const bySelf = (tokens: readonly Token[], i: number) => tokens.some((t, k) => k >= i - 2 && k < i && SELF_OR_POLITE.has(t.word) && !isObjectAt(tokens, k))

/** Indexes where a built-in sign of harm starts; the caller drops those that are topic talk. */
export function signsOf(tokens: readonly Token[]): number[] {
  // "terlanjur" (already, too late to undo) tells of the writer's own act even without "aku".
  const personal = tokens.some((t, k) => FIRST.has(t.word) || ACTOR.has(t.word) || mine(t) || tooLate(tokens, k))
  const first = tokens.some((t) => FIRST.has(t.word))
  const text = tokens.map((t) => t.word).join(' ')
  const signs: number[] = []
  // Despair and self-harm are routed whoever writes them.
  const despair = / (mau|ingin|pengen) mati | bunuh diri | (want|wanna) to die | kill myself /.exec(` ${text} `)
  if (despair) signs.push(text.slice(0, despair.index).split(' ').filter(Boolean).length)
  if (!personal) return signs
  tokens.forEach((t, i) => {
    const object = followedBy(tokens, i, FIRST) || followedBy(tokens, i, ACTOR, 2)
    if (is(t, THREAT) && !isNoun(t)) signs.push(i)
    else if (is(t, ABUSE) && !isNoun(t) && (t.word !== 'sextortion' || ['kena', 'korban', 'victim'].includes(tokens[i - 1]?.word ?? ''))) signs.push(i)
    else if (is(t, SPREAD) && !isNoun(t) && ((isPassive(t) && t.forms.has('sebar')) || ((isPassive(t) || !bySelf(tokens, i)) && (imageWithin(tokens, i - 4, i + 4) || followedBy(tokens, i, set('chat it them semua')))))) signs.push(i)
    else if (is(t, TOUCH) && !isNoun(t) && (isPassive(t) || object || t.forms.has('raba') || tokens[i + 1]?.word === t.word)) signs.push(i)
    else if (is(t, FORCE) && !isNoun(t) && !isExcused(tokens, i)) signs.push(i)
    else if (t.word === 'made' && tokens[i + 1]?.word === 'me' && !isExcused(tokens, i)) signs.push(i)
    else if (is(t, GROOM) && !isNoun(t) && (isPassive(t) || /(ed|ing)$/.test(t.word) || object)) signs.push(i)
    else if (is(t, HURT) && !isNoun(t) && (isPassive(t) || object)) signs.push(i)
    else if (is(t, RECORD) && !isNoun(t) && (isPassive(t) || object || t.word === 'videoin' || t.word === 'filmed')) signs.push(i)
    else if ((is(t, ASK) || is(t, SEND) || is(t, HAVE)) && (imageWithin(tokens, i + 1, i + 5) || followedBy(tokens, i, CLOTHES, 5)) && (isPassive(t) || !bySelf(tokens, i) || ['sudah', 'already'].includes(tokens[i - 1]?.word ?? '') || tooLate(tokens, i - 1))) signs.push(i)
    else if (is(t, IMAGE) && ['nude', 'naked', 'bugil', 'telanjang'].some((w) => t.forms.has(w))) signs.push(i)
    else if (is(t, CLOTHES) && near(tokens, i, UNDRESS, 2)) signs.push(i)
    else if (is(t, MEET) && near(tokens, i, ONLINE, 6)) signs.push(i)
    else if (is(t, SECRET) && near(tokens, i, set('chat chats our its kami'), 3)) signs.push(i)
    else if (is(t, VICTIM) && !followedBy(tokens, i, DISASTER)) signs.push(i)
    else if ((t.word === 'tahu' || t.word === 'know' || t.word === 'knows') && followedBy(tokens, i, set('rumah alamat sekolah where'))) signs.push(i)
    else if (first && HELP_WORDS.has(t.word) && !isExcused(tokens, i) && (followedBy(tokens, i, FIRST, 3) || ['need', 'butuh', 'minta', 'perlu'].includes(tokens[i - 1]?.word ?? ''))) signs.push(i)
  })
  return signs
}
