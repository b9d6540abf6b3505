import { defineMessages } from '../platform/i18n/i18n.ts'

export const evaluationMessages = defineMessages({
  'analyze.missingColumn': { id: 'kolom "{column}" tidak ada di baris judul', en: 'the header has no "{column}" column' },
  'analyze.noItems': {
    id: 'tidak ada kolom butir soal (semua kolom selain code, phase, group, area, session, gender, age_band adalah butir)',
    en: 'there are no item columns (every column other than code, phase, group, area, session, gender, age_band is an item)',
  },
  'analyze.emptyCode': { id: 'baris {line}: kode kosong', en: 'line {line}: the code is empty' },
  'analyze.badPhase': { id: 'baris {line}: fase "{value}" harus pre/pretest atau post/posttest', en: 'line {line}: phase "{value}" must be pre/pretest or post/posttest' },
  'analyze.badScore': { id: 'baris {line}, kolom {column}: "{value}" bukan angka', en: 'line {line}, column {column}: "{value}" is not a number' },
  'analyze.text.summary': {
    id: '{pairs} pasangan pre/post; tanpa pasangan: {pre} pre, {post} post; kode ganda (tidak dipasangkan): {duplicates}',
    en: '{pairs} pre/post pairs; unmatched: {pre} pre, {post} post; codes written twice (not paired): {duplicates}',
  },
  'analyze.text.dichotomous': { id: '{items} butir bernilai 0/1 (skor maksimum {items})', en: '{items} items scored 0/1 (maximum score {items})' },
  'analyze.text.scored': { id: '{items} butir (bukan 0/1: tanpa N-gain dan McNemar)', en: '{items} items (not 0/1: no N-gain or McNemar)' },
  'analyze.text.score': { id: 'Skor total', en: 'Total score' },
  'analyze.text.pairs': { id: 'pasangan', en: 'pairs' },
  'analyze.text.pre': { id: 'rata-rata pre', en: 'mean before' },
  'analyze.text.post': { id: 'rata-rata post', en: 'mean after' },
  'analyze.text.change': { id: 'perubahan', en: 'change' },
  'analyze.text.tTest': { id: 'uji-t berpasangan', en: 'paired t-test' },
  'analyze.text.wilcoxon': { id: 'Wilcoxon', en: 'Wilcoxon' },
  'analyze.text.nGain': { id: 'N-gain', en: 'normalised gain' },
  'analyze.text.ofMeans': { id: 'gain dari rata-rata', en: 'gain of the means' },
  'analyze.text.hake.low': { id: 'rendah', en: 'low' },
  'analyze.text.hake.medium': { id: 'sedang', en: 'medium' },
  'analyze.text.hake.high': { id: 'tinggi', en: 'high' },
  'analyze.text.alpha': { id: 'alfa Cronbach', en: "Cronbach's alpha" },
  'analyze.text.item': { id: 'butir', en: 'item' },
  'analyze.text.group': { id: 'Kelompok', en: 'Group' },
})
