// Every word the supervisor view itself shows (its wallboard, the listen-in bar and the re-checks list included), in
// Romanian and English: `ui` texts, and the names of the codes only this view shows. The names of the codes every staff
// page shows (states, channels, urgency, topics, referral routes, the server's refusals) are the console's, kept once
// in common/code-words.js; the machinery is common/words.js. Texts with { one, few, other } take the form of {count}.

import { installWords } from '../common/words.js';

const SUPERVISOR_WORDS = {
  en: {
    ui: {
      title: 'Helpline supervisor view', viewTitle: 'Supervisor view', skip: 'Skip to the live view',
      languageSwitch: 'Language of the page', switchRo: 'RO', switchEn: 'EN',
      name: 'Name', password: 'Password', logIn: 'Log in', logOut: 'Log out',
      badLogin: 'Wrong name or password.', tooManyAttempts: 'Too many attempts: wait a while, then try again.',
      deniedTitle: 'For supervisors only', goToConsole: 'Go to the operator console',
      deniedOperator: 'You are logged in as {name}, an operator account. This view needs a supervisor account.',
      deniedPassword: 'Your password was set by someone else: choose your own in the console first.',
      unreachable: 'The server cannot be reached: {why}', serverClosed: 'The server closed the connection.',
      reconnecting: 'Connection lost: reconnecting…',
      reconnectingStandby: 'Connection lost: reconnecting… With two servers, the standby takes over within seconds.',
      switchOver: 'Switch-over at {time}: another server took over (or this one restarted). Consoles and chats '
        + 'reconnected by themselves; the waiting contacts kept their places.',
      refused: 'The server refused it: {why}',
      wallTitle: 'Helpline now', alerts: 'Alerts', noAlerts: 'No alerts.', waitingNowTitle: 'Waiting now',
      freeByLanguage: 'Operators free now, by language',
      wallService: 'Service level (answered within {seconds} s) and abandoned',
      waitingNow: 'Waiting now:', longestWait: 'Longest wait:', longestWaitColumn: 'Longest wait',
      summaryCaption: 'Waiting by channel, language and urgency',
      waitingCaption: 'Waiting contacts, in the order they will be offered',
      channel: 'Channel', language: 'Language', priority: 'Priority', waitingCount: 'Waiting', waited: 'Waiting',
      place: 'Place', contact: 'Contact', topic: 'Topic', state: 'State', actions: 'Actions',
      operators: 'Operators', staffingCaption: 'Who could take a contact now, by language and channel',
      freeNow: 'Free now', busy: 'Busy', paused: 'Paused', signedOut: 'Signed out',
      operatorsCaption: 'Operators, their state and current work', operator: 'Operator', forTime: 'For',
      current: 'Current', load: 'Load', languages: 'Languages', noOperators: 'No operator has signed in yet.',
      today: 'Today', offered: 'Offered', answered: 'Answered', abandoned: 'Abandoned', serviceLevel: 'Service level',
      answeredWithin: '(answered within {seconds} s)', abandonedShare: 'Abandoned share', averageWait: 'Average wait',
      averageHandlingTime: 'Average handling time', averageHandling: 'Average handling',
      serviceLevelRecent: 'Service level, last {minutes} min', abandonedShareRecent: 'Abandoned share, last {minutes} min',
      byLanguageCaption: 'Service level and abandoned share by language, today and over the last {minutes} min',
      offeredToday: 'Offered today', serviceLevelToday: 'Service level today', abandonedToday: 'Abandoned today',
      offeredRecent: 'Offered, {minutes} min', serviceLevelShort: 'Service level, {minutes} min',
      abandonedRecent: 'Abandoned, {minutes} min', byChannelCaption: 'Today by channel',
      conversations: 'Conversations', conversationsCaption: 'Contacts in conversation or wrap-up',
      noConversations: 'No conversation now.',
      listenHintBrowser: 'To listen in, your account needs a phone: a browser phone in this page',
      listenHintDesk: 'or the endpoint of a desk phone',
      rechecksTitle: 'Exit options to re-check:',
      rechecksHint: {
        one: 'Entries of the operators\' exit options not re-checked for {count} day, oldest first. Check each on its '
          + 'official page: "Holds" with the official page you checked marks it confirmed; "Could not confirm" keeps it '
          + '"to be confirmed". Both are written into its country file and the audit log.',
        other: 'Entries of the operators\' exit options not re-checked for {count} days, oldest first. Check each on its '
          + 'official page: "Holds" with the official page you checked marks it confirmed; "Could not confirm" keeps it '
          + '"to be confirmed". Both are written into its country file and the audit log.',
      },
      rechecksCaption: 'Exit-option entries due for a re-check', country: 'Country', entry: 'Entry',
      lastChecked: 'Last checked', status: 'Status', recheck: 'Re-check', rechecksNone: 'Every entry was re-checked in time.',
      rechecksFailed: 'The entries due for a re-check could not be loaded: {why}',
      sourcePlaceholder: 'official page checked (optional)', sourceLabel: 'Official source checked for {entry}',
      holds: 'Holds', couldNotConfirm: 'Could not confirm', checked: 'checked', toBeConfirmed: 'to be confirmed',
      toBeConfirmedOn: 'to be confirmed (check on {where})',
      recheckRecorded: 'Re-check of “{entry}” recorded.', recheckNotRecorded: 'Re-check of “{entry}” not recorded: {why}',
      auditHint: 'Listening in, reading a chat, pausing or logging out an operator and moving or raising a contact are '
        + 'recorded in the audit log (who, when, which contact or operator; never what was said).',
      pauseTitle: 'Pause', pauseHint: 'Open offers go back to the queue; conversations carry on.',
      pauseReason: 'Reason (the operator sees it)', pauseButton: 'Pause', cancel: 'Cancel', confirm: 'Confirm',
      chatTitle: 'Chat', chatHint: 'You are reading this chat; the audit log records it (never what is written). A whisper '
        + 'reaches only the operator\'s console; what you write to the caller shows to them as the helpline\'s, and to the '
        + 'operator under your name.',
      conversation: 'Conversation', yourWords: 'Your words', whisperButton: 'Whisper to the operator',
      joinButton: 'Write to the caller (join)', refresh: 'Refresh', close: 'Close',
      noMessageYet: 'No message yet.', cannotRead: 'Cannot read this chat: {why}', notSent: 'Not sent: {why}',
      whispered: 'Whispered to the operator.', joined: 'Written to the caller as the helpline.',
      caller: 'Caller', supervisorLine: '{name} (supervisor)', operatorNamed: 'Operator {name}',
      notDone: 'Not done: {why}', raised: '{contact} is now urgent.',
      moveTitle: 'Move {contact}', moveText: 'It keeps its place in the queue and waits for someone who speaks the new language.',
      moved: '{contact} now waits in {language}.', resumed: '{operator} is available again.', pausedDone: '{operator} is paused.',
      logOutTitle: 'Log out {operator}', logOutText: 'Their open offers go back to the queue; conversations they hold carry on.',
      loggedOut: '{operator} is logged out.', acknowledged: 'The alert of referral {reference} is acknowledged.',
      listenDesk: '{mode}: your phone rings now; answer it to hear the call.',
      listenBrowser: '{mode}: connecting your browser phone to {contact}…',
      notGiven: 'not given', waitingMore: '…and {count} more waiting.',
      raise: 'Raise to urgent', raiseLabel: 'Raise {contact} to urgent', move: 'Move…', moveLabel: 'Move {contact} to another language',
      pause: 'Pause…', pauseLabel: 'Pause {operator}', endPause: 'End pause', endPauseLabel: 'End the pause of {operator}',
      logOutOperator: 'Log out…', logOutLabel: 'Log out {operator}',
      finishing: { one: 'finishing a contact', other: 'finishing {count} contacts' },
      listenLabel: '{mode}: call {contact}', readChat: 'Read chat', readChatLabel: 'Read chat {contact}',
      acknowledge: 'Acknowledge', acknowledgeLabel: 'Acknowledge the alert of referral {reference}',
      waitingTile: 'Waiting', longest: 'longest {time}', nobodyWaiting: 'nobody waiting', tileChannels: '{channels}, {language}',
      freeDetail: 'calls {calls} · chats {chats}', abandonedDetail: 'abandoned {share}', lastMinutes: 'Last {minutes} min',
      languageLastMinutes: '{language}, last {minutes} min', languageDetail: 'abandoned {share} · today {level}',
      retry: 'Retry', listeningIn: 'Listening in', mute: 'Mute', unmute: 'Unmute', stop: 'Stop',
      listening: '{mode}: call {contact}', connecting: ' (connecting…)', nobodyHears: ' (nobody hears you)',
      noAnswer: 'no answer',
    },
    alert: {
      urgent_waiting: 'URGENT {channel} in {language} waiting since {since} ({contact}).',
      long_wait: {
        one: '{count} contact has waited over {time}; the longest since {since} ({contact}).',
        other: '{count} contacts have waited over {time}; the longest since {since} ({contact}).',
      },
      no_operator: 'The line is open and no operator is signed in.',
      nobody_available: {
        one: '{what} in {language} waits and no available operator takes it.',
        other: '{what} in {language} wait and no available operator takes them.',
      },
      referral_failing: {
        one: '{route}, reference {reference}, to {partner}: delivery failing, {count} attempt so far; retried by itself. Since {since}.',
        other: '{route}, reference {reference}, to {partner}: delivery failing, {count} attempts so far; retried by itself. Since {since}.',
      },
      referral_given_up: {
        one: '{route}, reference {reference}, to {partner}: delivery given up after {count} attempt. Tell the partner another way (phone) and note it.',
        other: '{route}, reference {reference}, to {partner}: delivery given up after {count} attempts. Tell the partner another way (phone) and note it.',
      },
    },
    phoneLine: {
      around: 'New calls ring the operators\' phones directly (fallback queue) and do not show in the consoles.',
      ami: 'Phone line: the server has no link with Asterisk (AMI). {around} Technical detail: {reason}',
      agi: 'Phone line: the server does not take Asterisk\'s calls (AGI). {around} Technical detail: {reason}',
      fallback: {
        one: 'Phone line: {count} call was sent to the fallback queue, the last at {last}: it rang the operators\' phones '
          + 'directly, not the consoles.',
        other: 'Phone line: {count} calls were sent to the fallback queue, the last at {last}: they rang the operators\' '
          + 'phones directly, not the consoles.',
      },
    },
    listenMode: { listen: 'Listen', whisper: 'Whisper', barge: 'Barge in' },
    channels: { call: 'Calls', chat: 'Chats' },
    channelCount: { call: { one: '{count} call', other: '{count} calls' }, chat: { one: '{count} chat', other: '{count} chats' } },
    phoneState: {
      connecting: 'Phone: connecting…',
      ready: 'Phone ready: Listen, Whisper and Barge in ring it, and it answers by itself.',
      unavailable: 'The browser phone is not available: {why}.',
      'no-build': 'The browser phone is not available: this build of the server was made without it (Node.js was missing).',
      'microphone-denied': 'The microphone is blocked for this page. Allow it (the icon in the address bar), then press Retry.',
      'no-microphone': 'No microphone was found. Connect a headset, then press Retry.',
      'registration-failed': 'The phone could not sign in to the phone server ({why}). Trying again…',
      'network-lost': 'The phone server (Asterisk) cannot be reached. Reconnecting…',
    },
  },
  ro: {
    ui: {
      title: 'Panoul de supervizare al liniei de urgență', viewTitle: 'Panoul de supervizare',
      skip: 'Sari la situația în timp real', languageSwitch: 'Limba paginii', switchRo: 'RO', switchEn: 'EN',
      name: 'Nume', password: 'Parolă', logIn: 'Intră', logOut: 'Ieși',
      badLogin: 'Numele sau parola nu sunt corecte.', tooManyAttempts: 'Prea multe încercări: așteptați puțin, apoi încercați din nou.',
      deniedTitle: 'Doar pentru supervizori', goToConsole: 'Mergi la consola operatorului',
      deniedOperator: 'Sunteți conectat ca {name}, un cont de operator. Această pagină are nevoie de un cont de supervizor.',
      deniedPassword: 'Parola a fost stabilită de altcineva: alegeți-vă întâi propria parolă în consolă.',
      unreachable: 'Serverul nu poate fi contactat: {why}', serverClosed: 'Serverul a închis conexiunea.',
      reconnecting: 'Conexiune pierdută: se reconectează…',
      reconnectingStandby: 'Conexiune pierdută: se reconectează… Cu două servere, cel de rezervă preia în câteva secunde.',
      switchOver: 'Comutare la {time}: alt server a preluat (sau acesta a repornit). Consolele și chaturile s-au reconectat '
        + 'singure; contactele în așteptare și-au păstrat locurile.',
      refused: 'Serverul a refuzat: {why}',
      wallTitle: 'Linia de urgență acum', alerts: 'Alerte', noAlerts: 'Nicio alertă.', waitingNowTitle: 'În așteptare acum',
      freeByLanguage: 'Operatori liberi acum, pe limbi',
      wallService: 'Nivelul de serviciu (preluate în cel mult {seconds} s) și abandonuri',
      waitingNow: 'În așteptare acum:', longestWait: 'Cea mai lungă așteptare:', longestWaitColumn: 'Cea mai lungă așteptare',
      summaryCaption: 'În așteptare, pe canal, limbă și urgență',
      waitingCaption: 'Contactele în așteptare, în ordinea în care vor fi oferite',
      channel: 'Canal', language: 'Limba', priority: 'Prioritate', waitingCount: 'În așteptare', waited: 'Așteaptă de',
      place: 'Locul', contact: 'Contact', topic: 'Tema', state: 'Starea', actions: 'Acțiuni',
      operators: 'Operatori', staffingCaption: 'Cine poate prelua un contact acum, pe limbă și canal',
      freeNow: 'Liberi acum', busy: 'Ocupați', paused: 'În pauză', signedOut: 'Deconectați',
      operatorsCaption: 'Operatorii, starea lor și ce au în lucru', operator: 'Operator', forTime: 'De cât timp',
      current: 'În lucru', load: 'Încărcare', languages: 'Limbi', noOperators: 'Niciun operator nu s-a conectat încă.',
      today: 'Astăzi', offered: 'Oferite', answered: 'Preluate', abandoned: 'Abandonate', serviceLevel: 'Nivelul de serviciu',
      answeredWithin: '(preluate în cel mult {seconds} s)', abandonedShare: 'Proporția abandonurilor', averageWait: 'Așteptarea medie',
      averageHandlingTime: 'Durata medie de tratare', averageHandling: 'Tratarea medie',
      serviceLevelRecent: 'Nivelul de serviciu, ultimele {minutes} min',
      abandonedShareRecent: 'Proporția abandonurilor, ultimele {minutes} min',
      byLanguageCaption: 'Nivelul de serviciu și proporția abandonurilor pe limbi, astăzi și în ultimele {minutes} min',
      offeredToday: 'Oferite astăzi', serviceLevelToday: 'Nivelul de serviciu astăzi', abandonedToday: 'Abandonate astăzi',
      offeredRecent: 'Oferite, {minutes} min', serviceLevelShort: 'Nivelul de serviciu, {minutes} min',
      abandonedRecent: 'Abandonate, {minutes} min', byChannelCaption: 'Astăzi, pe canale',
      conversations: 'Conversații', conversationsCaption: 'Contacte în conversație sau în încheiere',
      noConversations: 'Nicio conversație acum.',
      listenHintBrowser: 'Pentru ascultare, contul dumneavoastră are nevoie de un telefon: un telefon în browser, în această pagină',
      listenHintDesk: 'sau extensia unui telefon de birou',
      rechecksTitle: 'Căi de ieșire de reverificat:',
      rechecksHint: {
        one: 'Intrări din căile de ieșire ale operatorilor nereverificate de {count} zi, cele mai vechi primele. Verificați-le pe '
          + 'fiecare pe pagina oficială: „Este valabilă”, cu pagina oficială verificată, o marchează confirmată; „Nu am putut '
          + 'confirma” o lasă „de confirmat”. Ambele se scriu în fișierul țării și în jurnalul de audit.',
        few: 'Intrări din căile de ieșire ale operatorilor nereverificate de {count} zile, cele mai vechi primele. Verificați-le pe '
          + 'fiecare pe pagina oficială: „Este valabilă”, cu pagina oficială verificată, o marchează confirmată; „Nu am putut '
          + 'confirma” o lasă „de confirmat”. Ambele se scriu în fișierul țării și în jurnalul de audit.',
        other: 'Intrări din căile de ieșire ale operatorilor nereverificate de {count} de zile, cele mai vechi primele. Verificați-le '
          + 'pe fiecare pe pagina oficială: „Este valabilă”, cu pagina oficială verificată, o marchează confirmată; „Nu am putut '
          + 'confirma” o lasă „de confirmat”. Ambele se scriu în fișierul țării și în jurnalul de audit.',
      },
      rechecksCaption: 'Intrări din căile de ieșire de reverificat', country: 'Țara', entry: 'Intrarea',
      lastChecked: 'Ultima verificare', status: 'Situația', recheck: 'Reverificare',
      rechecksNone: 'Toate intrările au fost reverificate la timp.',
      rechecksFailed: 'Intrările de reverificat nu au putut fi încărcate: {why}',
      sourcePlaceholder: 'pagina oficială verificată (opțional)', sourceLabel: 'Sursa oficială verificată pentru {entry}',
      holds: 'Este valabilă', couldNotConfirm: 'Nu am putut confirma', checked: 'verificată', toBeConfirmed: 'de confirmat',
      toBeConfirmedOn: 'de confirmat (verificați pe {where})',
      recheckRecorded: 'Reverificarea intrării „{entry}” a fost înregistrată.',
      recheckNotRecorded: 'Reverificarea intrării „{entry}” nu a fost înregistrată: {why}',
      auditHint: 'Ascultarea, citirea unui chat, punerea în pauză sau deconectarea unui operator, mutarea unui contact și '
        + 'marcarea lui ca urgent se înregistrează în jurnalul de audit (cine, când, ce contact sau operator; niciodată ce s-a spus).',
      pauseTitle: 'Pauză', pauseHint: 'Ofertele deschise se întorc în coadă; conversațiile continuă.',
      pauseReason: 'Motivul (operatorul îl vede)', pauseButton: 'Pune în pauză', cancel: 'Renunță', confirm: 'Confirmă',
      chatTitle: 'Chat', chatHint: 'Citiți acest chat; jurnalul de audit înregistrează acest lucru (niciodată ce se scrie). O '
        + 'șoaptă ajunge doar în consola operatorului; ce îi scrieți apelantului apare pentru el ca mesaj al liniei de urgență, '
        + 'iar pentru operator sub numele dumneavoastră.',
      conversation: 'Conversație', yourWords: 'Mesajul dumneavoastră', whisperButton: 'Șoptește operatorului',
      joinButton: 'Scrie apelantului (intră în chat)', refresh: 'Reîmprospătează', close: 'Închide',
      noMessageYet: 'Niciun mesaj încă.', cannotRead: 'Chatul nu poate fi citit: {why}', notSent: 'Netrimis: {why}',
      whispered: 'Șoptit operatorului.', joined: 'Scris apelantului în numele liniei de urgență.',
      caller: 'Apelant', supervisorLine: '{name} (supervizor)', operatorNamed: 'Operatorul {name}',
      notDone: 'Nu s-a făcut: {why}', raised: '{contact} este acum urgent.',
      moveTitle: 'Mută {contact}', moveText: 'Își păstrează locul în coadă și așteaptă pe cineva care vorbește noua limbă.',
      moved: '{contact} așteaptă acum în limba {language}.', resumed: '{operator} este din nou disponibil.',
      pausedDone: '{operator} este în pauză.',
      logOutTitle: 'Deconectează-l pe {operator}',
      logOutText: 'Ofertele sale deschise se întorc în coadă; conversațiile pe care le are continuă.',
      loggedOut: '{operator} este deconectat.', acknowledged: 'Alerta referirii {reference} a fost luată la cunoștință.',
      listenDesk: '{mode}: telefonul dumneavoastră sună acum; răspundeți ca să auziți apelul.',
      listenBrowser: '{mode}: telefonul din browser se conectează la {contact}…',
      notGiven: 'nespusă', waitingMore: '…și încă {count} în așteptare.',
      raise: 'Marchează urgent', raiseLabel: 'Marchează urgent contactul {contact}', move: 'Mută…', moveLabel: 'Mută {contact} la altă limbă',
      pause: 'Pauză…', pauseLabel: 'Pune-l în pauză pe {operator}', endPause: 'Încheie pauza', endPauseLabel: 'Încheie pauza lui {operator}',
      logOutOperator: 'Deconectează…', logOutLabel: 'Deconectează-l pe {operator}',
      finishing: { one: 'mai are un contact în lucru', few: 'mai are {count} contacte în lucru', other: 'mai are {count} de contacte în lucru' },
      listenLabel: '{mode}: apelul {contact}', readChat: 'Citește chatul', readChatLabel: 'Citește chatul {contact}',
      acknowledge: 'Luat la cunoștință', acknowledgeLabel: 'Ia la cunoștință alerta referirii {reference}',
      waitingTile: 'În așteptare', longest: 'cea mai lungă: {time}', nobodyWaiting: 'nimeni nu așteaptă',
      tileChannels: '{channels}, {language}', freeDetail: 'apeluri {calls} · chaturi {chats}', abandonedDetail: 'abandonate {share}',
      lastMinutes: 'Ultimele {minutes} min', languageLastMinutes: '{language}, ultimele {minutes} min',
      languageDetail: 'abandonate {share} · astăzi {level}',
      retry: 'Încearcă din nou', listeningIn: 'Ascultare', mute: 'Oprește microfonul', unmute: 'Pornește microfonul',
      stop: 'Închide ascultarea', listening: '{mode}: apelul {contact}', connecting: ' (se conectează…)',
      nobodyHears: ' (nu vă aude nimeni)', noAnswer: 'niciun răspuns',
    },
    alert: {
      urgent_waiting: 'URGENT: {channel} în limba {language} așteaptă din {since} ({contact}).',
      long_wait: {
        one: '{count} contact așteaptă de peste {time}; cel mai vechi din {since} ({contact}).',
        few: '{count} contacte așteaptă de peste {time}; cel mai vechi din {since} ({contact}).',
        other: '{count} de contacte așteaptă de peste {time}; cel mai vechi din {since} ({contact}).',
      },
      no_operator: 'Linia este deschisă și niciun operator nu este conectat.',
      nobody_available: {
        one: '{what} în limba {language} așteaptă și niciun operator disponibil nu îl preia.',
        few: '{what} în limba {language} așteaptă și niciun operator disponibil nu le preia.',
        other: '{what} în limba {language} așteaptă și niciun operator disponibil nu le preia.',
      },
      referral_failing: {
        one: '{route}, referința {reference}, către {partner}: livrarea eșuează, {count} încercare până acum; se reîncearcă singură. Din {since}.',
        few: '{route}, referința {reference}, către {partner}: livrarea eșuează, {count} încercări până acum; se reîncearcă singură. Din {since}.',
        other: '{route}, referința {reference}, către {partner}: livrarea eșuează, {count} de încercări până acum; se reîncearcă singură. Din {since}.',
      },
      referral_given_up: {
        one: '{route}, referința {reference}, către {partner}: livrarea a fost abandonată după {count} încercare. Anunțați '
          + 'partenerul altfel (telefonic) și notați acest lucru.',
        few: '{route}, referința {reference}, către {partner}: livrarea a fost abandonată după {count} încercări. Anunțați '
          + 'partenerul altfel (telefonic) și notați acest lucru.',
        other: '{route}, referința {reference}, către {partner}: livrarea a fost abandonată după {count} de încercări. Anunțați '
          + 'partenerul altfel (telefonic) și notați acest lucru.',
      },
    },
    phoneLine: {
      around: 'Apelurile noi sună direct pe telefoanele operatorilor (coada de rezervă) și nu apar în console.',
      ami: 'Linia telefonică: serverul nu are legătură cu Asterisk (AMI). {around} Detaliu tehnic: {reason}',
      agi: 'Linia telefonică: serverul nu preia apelurile de la Asterisk (AGI). {around} Detaliu tehnic: {reason}',
      fallback: {
        one: 'Linia telefonică: {count} apel a fost trimis în coada de rezervă, ultimul la {last}: a sunat direct pe '
          + 'telefoanele operatorilor, nu în console.',
        few: 'Linia telefonică: {count} apeluri au fost trimise în coada de rezervă, ultimul la {last}: au sunat direct pe '
          + 'telefoanele operatorilor, nu în console.',
        other: 'Linia telefonică: {count} de apeluri au fost trimise în coada de rezervă, ultimul la {last}: au sunat direct pe '
          + 'telefoanele operatorilor, nu în console.',
      },
    },
    listenMode: { listen: 'Ascultă', whisper: 'Șoptește', barge: 'Intră în apel' },
    channels: { call: 'Apeluri', chat: 'Chaturi' },
    channelCount: {
      call: { one: '{count} apel', few: '{count} apeluri', other: '{count} de apeluri' },
      chat: { one: '{count} chat', few: '{count} chaturi', other: '{count} de chaturi' },
    },
    phoneState: {
      connecting: 'Telefon: se conectează…',
      ready: 'Telefon pregătit: Ascultă, Șoptește și Intră în apel îl sună, iar el răspunde singur.',
      unavailable: 'Telefonul din browser nu este disponibil: {why}.',
      'no-build': 'Telefonul din browser nu este disponibil: această versiune a serverului a fost construită fără el (lipsea Node.js).',
      'microphone-denied': 'Microfonul este blocat pentru această pagină. Permiteți-l (pictograma din bara de adresă), apoi apăsați Încearcă din nou.',
      'no-microphone': 'Nu s-a găsit niciun microfon. Conectați o cască, apoi apăsați Încearcă din nou.',
      'registration-failed': 'Telefonul nu s-a putut autentifica la serverul de telefonie ({why}). Se încearcă din nou…',
      'network-lost': 'Serverul de telefonie (Asterisk) nu poate fi contactat. Se reconectează…',
    },
  },
};

/** The whole table, shared code names included, for the view's language test (SupervisorLanguagePageTest). */
export const WORDS = installWords(SUPERVISOR_WORDS);

export { language, say, word, refusal, languageName, clockTime } from '../common/words.js';
