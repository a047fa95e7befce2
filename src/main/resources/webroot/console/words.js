// The names of the codes the server sends (topics, states, channels, outcomes, counties), and the console's
// notices about them, in the console's language: no code such as `abroad_in_trouble` or `IS` is ever shown as it
// is. Data only, English and Romanian.

const WORDS = {
  en: {
    topic: {
      before_departure: 'before leaving to work abroad', abroad_in_trouble: 'abroad and in trouble', under_18: 'under 18',
      came_back: 'came back, needs help', work_in_romania: 'works in Romania, not from here',
      worried_about_someone: 'worried about someone', job_offer: 'checking a job offer', abroad: 'abroad',
      departure: 'before departure', agency: 'recruitment agency', contract: 'work contract', travel: 'travel',
      documents: 'documents taken', wages: 'unpaid wages', debts: 'debts', worried: 'worried about someone',
      minor: 'a minor', danger: 'in danger', survivor: 'survivor', labour: 'labour rights', in_romania: 'in Romania',
      other: 'something else',
    },
    contactState: { queued: 'waiting', offered: 'offered', connected: 'in conversation', wrap_up: 'wrap-up', ended: 'ended' },
    operatorState: { offline: 'Offline', available: 'Available', busy: 'Busy', wrap_up: 'Wrap-up', paused: 'Paused' },
    channel: { call: 'Call', chat: 'Chat' },
    outcome: {
      advice_given: 'advice given', information_given: 'information given', referred: 'referred',
      emergency_services: 'emergency services', silent: 'silent contact', wrong_number: 'wrong number',
      abusive: 'abusive', other: 'other',
    },
    notice: {
      calls_paused: 'calls paused: your phone lost a call',
      phone_lost_browser: 'Your phone lost the call (no sound came through any more): the caller is back in the queue, '
        + 'first in line. Calls are paused for you while the phone connects again; chats go on.',
      phone_lost_desk: 'Your phone lost the call (no sound came through any more): the caller is back in the queue, '
        + 'first in line. Calls are paused for you: check your phone, then choose Available to take calls again; chats go on.',
    },
  },
  ro: {
    topic: {
      before_departure: 'înainte de plecarea la muncă în străinătate', abroad_in_trouble: 'în străinătate, în dificultate',
      under_18: 'sub 18 ani', came_back: 's-a întors, are nevoie de ajutor', work_in_romania: 'lucrează în România, nu e de aici',
      worried_about_someone: 'îngrijorat pentru cineva', job_offer: 'verifică o ofertă de muncă', abroad: 'în străinătate',
      departure: 'înainte de plecare', agency: 'agenție de recrutare', contract: 'contract de muncă', travel: 'călătorie',
      documents: 'documente luate', wages: 'salariu neplătit', debts: 'datorii', worried: 'îngrijorat pentru cineva',
      minor: 'un minor', danger: 'în pericol', survivor: 'supraviețuitor', labour: 'drepturile muncii', in_romania: 'în România',
      other: 'altceva',
    },
    contactState: { queued: 'în așteptare', offered: 'oferit', connected: 'în conversație', wrap_up: 'încheiere', ended: 'încheiat' },
    operatorState: { offline: 'Deconectat', available: 'Disponibil', busy: 'Ocupat', wrap_up: 'Încheiere', paused: 'În pauză' },
    channel: { call: 'Apel', chat: 'Chat' },
    outcome: {
      advice_given: 'consiliere oferită', information_given: 'informații oferite', referred: 'referit',
      emergency_services: 'servicii de urgență', silent: 'contact tăcut', wrong_number: 'număr greșit',
      abusive: 'abuziv', other: 'altele',
    },
    notice: {
      calls_paused: 'apeluri în pauză: telefonul a pierdut un apel',
      phone_lost_browser: 'Telefonul a pierdut apelul (nu mai trecea sunetul): apelantul este din nou în coadă, primul. '
        + 'Apelurile sunt în pauză pentru dumneavoastră cât timp telefonul se reconectează; chaturile continuă.',
      phone_lost_desk: 'Telefonul a pierdut apelul (nu mai trecea sunetul): apelantul este din nou în coadă, primul. '
        + 'Apelurile sunt în pauză pentru dumneavoastră: verificați telefonul, apoi alegeți Disponibil ca să primiți din nou apeluri; chaturile continuă.',
    },
  },
};

/** Romania's counties by their ISO 3166-2:RO code (the referral form's choices): proper names in both languages. */
const COUNTIES = {
  AB: 'Alba', AR: 'Arad', AG: 'Argeș', BC: 'Bacău', BH: 'Bihor', BN: 'Bistrița-Năsăud', BT: 'Botoșani', BV: 'Brașov',
  BR: 'Brăila', B: 'București', BZ: 'Buzău', CS: 'Caraș-Severin', CL: 'Călărași', CJ: 'Cluj', CT: 'Constanța',
  CV: 'Covasna', DB: 'Dâmbovița', DJ: 'Dolj', GL: 'Galați', GR: 'Giurgiu', GJ: 'Gorj', HR: 'Harghita', HD: 'Hunedoara',
  IL: 'Ialomița', IS: 'Iași', IF: 'Ilfov', MM: 'Maramureș', MH: 'Mehedinți', MS: 'Mureș', NT: 'Neamț', OT: 'Olt',
  PH: 'Prahova', SM: 'Satu Mare', SJ: 'Sălaj', SB: 'Sibiu', SV: 'Suceava', TR: 'Teleorman', TM: 'Timiș', TL: 'Tulcea',
  VS: 'Vaslui', VL: 'Vâlcea', VN: 'Vrancea',
};

/** The console's language: English unless the page was opened with ?lang=ro (kept for this page load only). */
export function wordsLanguage() {
  return new URLSearchParams(location.search).get('lang') === 'ro' ? 'ro' : 'en';
}

/** The name of a code of one kind; a code with no name yet is shown as words (never with its underscores). */
export function word(kind, code) {
  if (!code) return '';
  if (kind === 'county') return COUNTIES[code] || code;
  if (kind === 'language') return languageName(code);
  const names = WORDS[wordsLanguage()][kind] || {};
  return names[code] ?? WORDS.en[kind]?.[code] ?? code.replaceAll('_', ' ');
}

function languageName(code) {
  try {
    return new Intl.DisplayNames([wordsLanguage()], { type: 'language' }).of(code);
  } catch {
    return code;
  }
}

/** Counties in the order of their names, for a choice list. */
export function byCountyName(codes) {
  return [...codes].sort((a, b) => word('county', a).localeCompare(word('county', b), 'ro'));
}

