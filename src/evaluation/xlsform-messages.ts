import { defineMessages } from '../platform/i18n/i18n.ts'

// Reading an XLSForm: what was not kept, by sheet and row, in the staff member's language ('Anda').
// Each message says what was left out and what a participant will see differently because of it.
export const xlsformMessages = defineMessages({
  'xlsform.file.xls': {
    id: 'Ini file Excel lama (.xls). Buka di Excel atau LibreOffice, simpan sebagai .xlsx (Excel Workbook), lalu unggah lagi.',
    en: 'This is an old Excel file (.xls). Open it in Excel or LibreOffice, save it as .xlsx (Excel Workbook), and upload it again.',
  },
  'xlsform.file.notXlsx': { id: 'File ini bukan buku kerja .xlsx.', en: 'The file is not an .xlsx workbook.' },
  'xlsform.file.noSurvey': { id: 'Buku kerja ini tidak punya lembar "survey".', en: 'The workbook has no "survey" sheet.' },
  'xlsform.form.empty': { id: 'Tidak ada satu pun pertanyaan yang dapat disimpan Jaga dari formulir ini.', en: 'No question in this form can be kept by Jaga.' },
  'xlsform.form.invalid': { id: 'Formulir ini tidak dapat disimpan: {detail}', en: 'The form cannot be saved: {detail}' },
  'xlsform.form.noLanguage': {
    id: 'Tidak ada label dalam bahasa Indonesia atau Inggris (kolom yang ada: {columns}). Tambahkan kolom label::Indonesian (id) atau label::English (en).',
    en: 'There are no labels in Indonesian or English (columns found: {columns}). Add a label::Indonesian (id) or label::English (en) column.',
  },
  'xlsform.language.guessedId': {
    id: 'Bahasa kolom "label" tidak disebutkan (default_language di lembar settings); dari kata-katanya dibaca sebagai bahasa Indonesia.',
    en: 'The language of the "label" column is not stated (default_language in the settings sheet); from its words it was read as Indonesian.',
  },
  'xlsform.language.guessedEn': {
    id: 'Bahasa kolom "label" tidak disebutkan (default_language di lembar settings); dari kata-katanya dibaca sebagai bahasa Inggris.',
    en: 'The language of the "label" column is not stated (default_language in the settings sheet); from its words it was read as English.',
  },
  'xlsform.column.language': {
    id: 'Kolom "{column}" tidak disimpan: Jaga hanya menyimpan bahasa Indonesia dan Inggris.',
    en: 'Column "{column}" was not kept: Jaga keeps Indonesian and English only.',
  },
  'xlsform.column.ignored': { id: 'Kolom "{column}" tidak dibaca Jaga dan tidak disimpan.', en: 'Column "{column}" is not read by Jaga and was not kept.' },
  'xlsform.sheet.ignored': { id: 'Lembar "{sheet}" tidak dibaca Jaga dan tidak disimpan.', en: 'Sheet "{sheet}" is not read by Jaga and was not kept.' },
  'xlsform.settings.titleCut': { id: 'Judul formulir dipotong menjadi 200 karakter.', en: 'The form title was cut to 200 characters.' },
  'xlsform.row.noType': { id: 'Baris ini punya isi tetapi tidak punya type; baris tidak dimasukkan.', en: 'The row has content but no type; it was left out.' },
  'xlsform.row.noName': { id: 'Pertanyaan tanpa name tidak dimasukkan.', en: 'A question without a name was left out.' },
  'xlsform.row.badName': {
    id: 'Nama "{name}" tidak dimasukkan: nama harus diawali huruf atau _, lalu hingga 63 huruf, angka, _, - atau . (tanpa spasi).',
    en: 'Name "{name}" was left out: a name starts with a letter or _, followed by up to 63 letters, digits, _, - or . (no spaces).',
  },
  'xlsform.row.duplicate': { id: 'Nama "{name}" sudah dipakai di baris lain; baris ini tidak dimasukkan.', en: 'Name "{name}" is already used by another row; this row was left out.' },
  'xlsform.row.noLabel': { id: '"{name}" tidak punya label; tidak dimasukkan.', en: '"{name}" has no label; it was left out.' },
  'xlsform.row.translation': {
    id: '"{name}": kolom "{column}" kosong; di sana peserta melihat teks dari bahasa lain.',
    en: '"{name}": column "{column}" is empty; participants see the text of the other language there.',
  },
  'xlsform.type.media': {
    id: '"{name}" (type {type}) meminta foto, suara, video atau file: Jaga tidak pernah menerimanya. Tidak dimasukkan.',
    en: '"{name}" (type {type}) asks for a photo, sound, video or file: Jaga never takes those. It was left out.',
  },
  'xlsform.type.location': {
    id: 'Type "{type}" tidak didukung ("{name}"): Jaga tidak mencatat lokasi. Tidak dimasukkan.',
    en: 'type "{type}" is not supported ("{name}"): Jaga does not record locations. It was left out.',
  },
  'xlsform.type.metadata': {
    id: '"{name}" (type {type}) mengumpulkan data perangkat atau data pribadi, yang tidak disimpan Jaga. Tidak dimasukkan.',
    en: '"{name}" (type {type}) collects device or personal metadata, which Jaga does not keep. It was left out.',
  },
  'xlsform.type.repeat': {
    id: 'Kelompok berulang "{name}" (begin repeat) tidak dimasukkan, beserta {count} baris di dalamnya: Jaga tidak punya pertanyaan berulang.',
    en: 'Repeat "{name}" (begin repeat) was left out with the {count, plural, one {# row} other {# rows}} inside it: Jaga has no repeated questions.',
  },
  'xlsform.type.inRepeat': { id: '"{name}" ada di dalam kelompok berulang "{repeat}"; tidak dimasukkan.', en: '"{name}" is inside repeat "{repeat}"; it was left out.' },
  'xlsform.type.calculate': {
    id: 'Perhitungan "{name}" (calculate) tidak dimasukkan: Jaga tidak menghitung nilai di formulir. Kondisi yang memakai ${{name}} juga tidak disimpan (lihat barisnya).',
    en: 'Calculation "{name}" (calculate) was left out: Jaga does not compute values in a form. Conditions that use ${{name}} are not kept either (see their rows).',
  },
  'xlsform.type.acknowledge': {
    id: '"{name}" (type {type}, kotak centang "saya mengerti") tidak dimasukkan. Jika perlu, buat pertanyaan benar/salah atau catatan.',
    en: '"{name}" (type {type}, an "I understand" tick box) was left out. If you need it, make a true/false question or a note.',
  },
  'xlsform.type.fromFile': {
    id: '"{name}": pilihan dari file luar ({type}) tidak dapat dibaca Jaga. Tidak dimasukkan; tulis pilihannya di lembar choices.',
    en: '"{name}": choices from an outside file ({type}) cannot be read by Jaga. It was left out; write the choices in the choices sheet.',
  },
  'xlsform.type.unsupported': {
    id: '"{name}": type "{type}" tidak didukung Jaga (yang didukung: text, integer, decimal, date, note, select_one, select_multiple, begin group). Tidak dimasukkan.',
    en: '"{name}": type "{type}" is not supported (supported: text, integer, decimal, date, note, select_one, select_multiple, begin group). It was left out.',
  },
  'xlsform.group.extraEnd': { id: '"end group" tanpa "begin group" sebelumnya; diabaikan.', en: '"end group" without a "begin group" before it; ignored.' },
  'xlsform.group.unclosed': { id: 'Kelompok "{name}" tidak ditutup dengan "end group"; ditutup di akhir formulir.', en: 'Group "{name}" is not closed with "end group"; it was closed at the end of the form.' },
  'xlsform.list.missing': {
    id: '"{name}": daftar pilihan "{list}" tidak ada di lembar choices; pertanyaan tidak dimasukkan.',
    en: '"{name}": choice list "{list}" is missing from the choices sheet; the question was left out.',
  },
  'xlsform.list.tooFew': {
    id: '"{name}": daftar pilihan "{list}" punya kurang dari dua pilihan yang dapat disimpan; pertanyaan tidak dimasukkan.',
    en: '"{name}": choice list "{list}" has fewer than two usable choices; the question was left out.',
  },
  'xlsform.kind.mismatch': {
    id: '"{name}": jaga_kind "{kind}" tidak cocok dengan pilihan di daftar "{list}"; disimpan sebagai pilihan biasa dengan labelnya sendiri.',
    en: '"{name}": jaga_kind "{kind}" does not match the choices of list "{list}"; kept as an ordinary choice question with its own labels.',
  },
  'xlsform.kind.unknown': {
    id: '"{name}": jaga_kind "{kind}" tidak dikenal (likert, truefalse, truefalse_dontknow); kolom diabaikan.',
    en: '"{name}": jaga_kind "{kind}" is not known (likert, truefalse, truefalse_dontknow); the column was ignored.',
  },
  'xlsform.logic.cycle': {
    id: '"{name}": kondisi tampil (relevant) membuat lingkaran: {cycle}. Tampil atau tidaknya pertanyaan tidak boleh bergantung pada jawabannya sendiri, juga lewat pertanyaan lain; ubah salah satu kondisi itu lalu unggah lagi.',
    en: '"{name}": its show-if conditions (relevant) go round in a circle: {cycle}. Whether a question is shown cannot depend on its own answer, not even through other questions; change one of those conditions and upload again.',
  },
  'xlsform.expr.relevantName': {
    id: '"{name}": kondisi tampil (relevant) merujuk ${{detail}}, yang bukan pertanyaan yang disimpan; pertanyaan ini ditampilkan kepada semua orang dan tidak wajib diisi.',
    en: '"{name}": its show-if condition (relevant) refers to ${{detail}}, which is not a kept question; the question is shown to everyone and is optional.',
  },
  'xlsform.expr.relevantOther': {
    id: '"{name}": kondisi tampil (relevant) memakai "{detail}", yang tidak dapat dibaca Jaga; pertanyaan ini ditampilkan kepada semua orang dan tidak wajib diisi.',
    en: '"{name}": its show-if condition (relevant) uses "{detail}", which Jaga cannot read; the question is shown to everyone and is optional.',
  },
  'xlsform.expr.constraintName': {
    id: '"{name}": batasan jawaban (constraint) merujuk ${{detail}}, yang bukan pertanyaan yang disimpan; jawaban apa pun diterima.',
    en: '"{name}": its answer limit (constraint) refers to ${{detail}}, which is not a kept question; any answer is accepted.',
  },
  'xlsform.expr.constraintOther': {
    id: '"{name}": batasan jawaban (constraint) memakai "{detail}", yang tidak dapat dibaca Jaga; jawaban apa pun diterima.',
    en: '"{name}": its answer limit (constraint) uses "{detail}", which Jaga cannot read; any answer is accepted.',
  },
  'xlsform.expr.requiredName': {
    id: '"{name}": syarat wajib (required) merujuk ${{detail}}, yang bukan pertanyaan yang disimpan; pertanyaan ini tidak wajib diisi.',
    en: '"{name}": its required-if condition refers to ${{detail}}, which is not a kept question; the question is optional.',
  },
  'xlsform.expr.requiredOther': {
    id: '"{name}": syarat wajib (required) memakai "{detail}", yang tidak dapat dibaca Jaga; pertanyaan ini tidak wajib diisi.',
    en: '"{name}": its required-if condition uses "{detail}", which Jaga cannot read; the question is optional.',
  },
  'xlsform.expr.choiceFilterName': {
    id: '"{name}": penyaring pilihan (choice_filter) merujuk ${{detail}}, yang bukan pertanyaan yang disimpan; semua pilihan ditampilkan.',
    en: '"{name}": its choice filter (choice_filter) refers to ${{detail}}, which is not a kept question; every choice is offered.',
  },
  'xlsform.expr.choiceFilterOther': {
    id: '"{name}": penyaring pilihan (choice_filter) memakai "{detail}", yang tidak dapat dibaca Jaga; semua pilihan ditampilkan.',
    en: '"{name}": its choice filter (choice_filter) uses "{detail}", which Jaga cannot read; every choice is offered.',
  },
  'xlsform.expr.groupName': {
    id: 'Kelompok "{name}": kondisi tampil (relevant) merujuk ${{detail}}, yang bukan pertanyaan yang disimpan; bagian ini ditampilkan kepada semua orang dan pertanyaannya tidak wajib diisi.',
    en: 'Group "{name}": its show-if condition (relevant) refers to ${{detail}}, which is not a kept question; the section is shown to everyone and its questions are optional.',
  },
  'xlsform.expr.groupOther': {
    id: 'Kelompok "{name}": kondisi tampil (relevant) memakai "{detail}", yang tidak dapat dibaca Jaga; bagian ini ditampilkan kepada semua orang dan pertanyaannya tidak wajib diisi.',
    en: 'Group "{name}": its show-if condition (relevant) uses "{detail}", which Jaga cannot read; the section is shown to everyone and its questions are optional.',
  },
  'xlsform.default.dropped': {
    id: '"{name}": nilai awal (default) "{value}" bukan jawaban yang cocok untuk pertanyaan ini atau berupa rumus; tidak ada jawaban yang diisi lebih dulu.',
    en: '"{name}": default "{value}" is not an answer that fits this question, or is a formula; no answer is filled in beforehand.',
  },
  'xlsform.appearance.dropped': {
    id: '"{name}": tampilan (appearance) "{appearance}" tidak disimpan; pertanyaan ditampilkan dengan cara biasa Jaga.',
    en: '"{name}": appearance "{appearance}" was not kept; the question is shown in Jaga\'s usual way.',
  },
  'xlsform.appearance.dateParts': {
    id: '"{name}": tampilan "{appearance}" hanya menanyakan bulan/tahun; di Jaga peserta memilih tanggal lengkap.',
    en: '"{name}": appearance "{appearance}" asks for month/year only; in Jaga participants pick a full date.',
  },
  'xlsform.appearance.search': {
    id: '"{name}": tampilan "{appearance}" mengambil pilihan dari file luar, yang tidak dapat dibaca Jaga; pertanyaan tidak dimasukkan.',
    en: '"{name}": appearance "{appearance}" takes choices from an outside file, which Jaga cannot read; the question was left out.',
  },
  'xlsform.row.media': {
    id: '"{name}": gambar/suara/video di kolom "{column}" tidak disimpan; peserta hanya melihat teksnya.',
    en: '"{name}": the image/sound/video in column "{column}" was not kept; participants see the text only.',
  },
  'xlsform.row.readOnly': {
    id: '"{name}": read_only tidak disimpan; peserta dapat mengubah jawaban ini.',
    en: '"{name}": read_only was not kept; participants can change this answer.',
  },
  'xlsform.row.requiredMessage': {
    id: '"{name}": pesan wajib (required_message) tidak disimpan; peserta melihat pesan biasa Jaga.',
    en: '"{name}": required_message was not kept; participants see Jaga\'s usual message.',
  },
  'xlsform.row.parameters': {
    id: '"{name}": parameters "{value}" tidak disimpan; pertanyaan ditampilkan dengan cara biasa Jaga.',
    en: '"{name}": parameters "{value}" were not kept; the question is shown in Jaga\'s usual way.',
  },
  'xlsform.row.noteRequired': { id: '"{name}" adalah catatan; "required" diabaikan.', en: '"{name}" is a note; "required" was ignored.' },
  'xlsform.answer.invalid': {
    id: '"{name}": jaga_answer "{answer}" bukan salah satu pilihannya; pertanyaan disimpan tanpa kunci jawaban (tidak dinilai).',
    en: '"{name}": jaga_answer "{answer}" is not one of its choices; the question was kept without an answer key (not scored).',
  },
  'xlsform.topic.unknown': {
    id: '"{name}": topik "{topic}" bukan topik pustaka; disimpan tanpa topik.',
    en: '"{name}": topic "{topic}" is not a library topic (kept without one).',
  },
  'xlsform.choice.noList': { id: 'Pilihan "{value}" tidak punya list_name; tidak dimasukkan.', en: 'Choice "{value}" has no list_name; it was left out.' },
  'xlsform.choice.badValue': {
    id: 'Daftar "{list}": nilai pilihan "{value}" tidak dimasukkan: nilai berisi hingga 64 huruf, angka, _, - atau . (tanpa spasi).',
    en: 'List "{list}": choice value "{value}" was left out: a value is up to 64 letters, digits, _, - or . (no spaces).',
  },
  'xlsform.choice.duplicate': { id: 'Daftar "{list}": nilai "{value}" dipakai dua kali; yang kedua tidak dimasukkan.', en: 'List "{list}": value "{value}" is used twice; the second was left out.' },
  'xlsform.choice.noLabel': { id: 'Daftar "{list}": pilihan "{value}" tidak punya label; tidak dimasukkan.', en: 'List "{list}": choice "{value}" has no label; it was left out.' },
  'xlsform.choice.other': {
    id: 'Daftar "{list}": nilai "other" sudah dipakai, jadi "or_other" di "{name}" tidak dapat ditambahkan; pertanyaan tidak dimasukkan.',
    en: 'List "{list}": the value "other" is already used, so "or_other" on "{name}" cannot be added; the question was left out.',
  },
  'xlsform.other.labels': {
    id: 'Pertanyaan "{name}": pilihan "Lainnya" dan isiannya dibaca sebagai pilihan Lainnya milik Jaga. Peserta melihat label Jaga ("{other}", "{text}"), bukan label yang tertulis di file.',
    en: 'Question "{name}": the "Other" choice and its text question were read as Jaga\'s Other option. Participants see Jaga\'s labels ("{other}", "{text}"), not the labels written in the file.',
  },
  'xlsform.choice.filterColumn': {
    id: 'Daftar "{list}": kolom penyaring "{column}" untuk "{value}" terlalu panjang (lebih dari 200 karakter) atau namanya tidak sah; tidak disimpan.',
    en: 'List "{list}": filter column "{column}" of "{value}" is too long (over 200 characters) or badly named; it was not kept.',
  },
})

export type XlsFormMessageKey = keyof typeof xlsformMessages
