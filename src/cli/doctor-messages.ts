import { defineMessages } from '../platform/i18n/i18n.ts'

/** `jaga doctor`: each check says what it found and, when something is wrong, what to do about it. */
export const doctorMessages = defineMessages({
  'doctor.title': { id: 'jaga doctor: memeriksa instalasi ini', en: 'jaga doctor: checking this installation' },
  'doctor.ok': { id: 'OK', en: 'OK' },
  'doctor.fix': { id: 'PERBAIKI', en: 'FIX' },
  'doctor.note': { id: 'CATATAN', en: 'NOTE' },
  'doctor.allOk': { id: 'Semua pemeriksaan lolos.', en: 'All checks passed.' },
  'doctor.toFix': { id: '{count} hal perlu diperbaiki (lihat baris PERBAIKI di atas).', en: '{count, plural, one {# thing needs fixing} other {# things need fixing}} (see the FIX lines above).' },
  'doctor.config.ok': { id: 'konfigurasi: variabel lingkungan valid', en: 'configuration: the environment variables are valid' },
  'doctor.config.bad': {
    id: 'konfigurasi: {error}. Perbaiki variabel itu di berkas lingkungan layanan (/etc/jaga/jaga.env), lalu jalankan jaga doctor lagi. Pemeriksaan lain dilewati.',
    en: 'configuration: {error}. Fix that variable in the service’s environment file (/etc/jaga/jaga.env) and run jaga doctor again. The other checks were skipped.',
  },
  'doctor.db.ok': { id: 'basis data: terhubung ({location})', en: 'database: reachable ({location})' },
  'doctor.db.missing': {
    id: 'basis data: tidak ada berkas SQLite di {file}. Periksa JAGA_DATA_DIR, atau buat basis datanya dengan jaga migrate.',
    en: 'database: there is no SQLite file at {file}. Check JAGA_DATA_DIR, or create the database with jaga migrate.',
  },
  'doctor.db.bad': {
    id: 'basis data: {location} tidak dapat dihubungi ({error}). Apakah PostgreSQL berjalan, dan apakah pengguna serta kata sandi di DATABASE_URL benar?',
    en: 'database: cannot reach {location} ({error}). Is PostgreSQL running, and are the user and password in DATABASE_URL right?',
  },
  'doctor.migrations.ok': { id: 'migrasi: mutakhir ({last})', en: 'migrations: up to date ({last})' },
  'doctor.migrations.pending': {
    id: 'migrasi: {count} belum diterapkan (yang pertama: {first}). Jalankan jaga migrate (server juga menerapkannya saat mulai).',
    en: 'migrations: {count, plural, one {# is} other {# are}} not applied yet (the first: {first}). Run jaga migrate (the server also applies them when it starts).',
  },
  'doctor.migrations.newer': {
    id: 'migrasi: basis data memuat {count} migrasi yang tidak dikenal versi Jaga ini ({first}); ia dimigrasikan oleh versi yang lebih baru. Pasang lagi versi itu, atau pulihkan cadangan dari sebelum pembaruan (docs/deploy.md).',
    en: 'migrations: the database holds {count, plural, one {# migration} other {# migrations}} this Jaga does not know ({first}): a newer version migrated it. Install that version again, or restore a backup from before the upgrade (docs/deploy.md).',
  },
  'doctor.publicUrl.ok': { id: 'alamat publik: {url}', en: 'public address: {url}' },
  'doctor.publicUrl.unset': {
    id: 'alamat publik: JAGA_PUBLIC_URL belum diatur, jadi tautan untuk peserta memakai alamat apa pun yang diketik staf. Atur ke alamat https yang dipakai orang, mis. JAGA_PUBLIC_URL=https://jaga.contoh.org.',
    en: 'public address: JAGA_PUBLIC_URL is not set, so links handed to participants use whatever address a staff member typed. Set it to the https address people use, e.g. JAGA_PUBLIC_URL=https://jaga.example.org.',
  },
  'doctor.publicUrl.http': {
    id: 'alamat publik: {url} bukan https, sehingga kata sandi dan jawaban melintasi jaringan tanpa enkripsi. Pasang nginx dengan sertifikat di depan Jaga (docs/deploy.md) dan atur JAGA_PUBLIC_URL=https://….',
    en: 'public address: {url} is not https, so passwords and answers cross the network readable by anyone on the way. Put nginx with a certificate in front of Jaga (docs/deploy.md) and set JAGA_PUBLIC_URL=https://….',
  },
  'doctor.proxy.ok': { id: 'proksi: JAGA_TRUST_PROXY={hops}; alamat klien dibaca dari X-Forwarded-For', en: 'proxy: JAGA_TRUST_PROXY={hops}; the client address is read from X-Forwarded-For' },
  'doctor.proxy.none': { id: 'proksi: tidak ada (alamat publik bukan https dan JAGA_TRUST_PROXY tidak diatur)', en: 'proxy: none (the public address is not https and JAGA_TRUST_PROXY is not set)' },
  'doctor.proxy.missing': {
    id: 'proksi: alamat publik memakai https, padahal Jaga sendiri hanya berbicara HTTP, jadi ada proksi di depannya. Atur JAGA_TRUST_PROXY=1; tanpa itu cookie masuk tidak ditandai Secure dan semua pengunjung tampak datang dari alamat proksi (gagal masuk satu orang akan menahan semua orang).',
    en: 'proxy: the public address is https but Jaga itself speaks only HTTP, so a proxy stands in front. Set JAGA_TRUST_PROXY=1; without it sign-in cookies are not marked Secure and every visitor seems to come from the proxy’s address (one person’s failed sign-ins would hold back everyone).',
  },
  'doctor.proxy.openHost': {
    id: 'proksi: JAGA_TRUST_PROXY diatur, tetapi Jaga mendengarkan di semua antarmuka (HOST={host}); siapa pun yang mencapai port {port} secara langsung dapat mengaku memakai alamat mana pun. Atur HOST=127.0.0.1 bila nginx ada di mesin ini, atau tutup port itu dengan firewall.',
    en: 'proxy: JAGA_TRUST_PROXY is set but Jaga listens on every interface (HOST={host}): anyone who reaches port {port} directly can claim any client address. Set HOST=127.0.0.1 when nginx runs on this machine, or close the port with a firewall.',
  },
  'doctor.backup.ok': { id: 'cadangan: terakhir dibuat {when} ({hours} jam lalu)', en: 'backup: the last one was taken {when} ({hours, plural, one {# hour} other {# hours}} ago)' },
  'doctor.backup.none': {
    id: 'cadangan: belum ada cadangan yang tercatat. Jalankan jaga backup dan jadwalkan setiap hari (docs/backup.md).',
    en: 'backup: no backup recorded. Run jaga backup and schedule it daily (docs/backup.md).',
  },
  'doctor.backup.old': {
    id: 'cadangan: yang terakhir dibuat {when}, {hours} jam lalu. Periksa jadwal cadangan (docs/backup.md) dan log-nya.',
    en: 'backup: the last one was taken {when}, {hours, plural, one {# hour} other {# hours}} ago. Check the backup schedule (docs/backup.md) and its log.',
  },
  'doctor.disk.ok': { id: 'ruang disk: {free} GB kosong dari {total} GB di {dir}', en: 'disk: {free} GB free of {total} GB at {dir}' },
  'doctor.disk.low': {
    id: 'ruang disk: hanya {free} GB kosong dari {total} GB di {dir}. Kosongkan ruang (cadangan lama, log) atau perbesar disk: basis data berhenti menulis saat disk penuh.',
    en: 'disk: only {free} GB free of {total} GB at {dir}. Free some space (old backups, logs) or grow the disk: the database stops writing when it is full.',
  },
})
