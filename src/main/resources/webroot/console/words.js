// Every word the console itself shows, in Romanian and English: its buttons, labels, headings, notices and errors
// (`ui`), and the names of the codes the server sends (topics, states, channels, outcomes, the referral form's
// choices, the decision's reasons, ...). No code such as `abroad_in_trouble` is ever shown as it is. The operator
// chooses the language (kept in their account on the server, never in the browser); Romanian until they do.
// Texts with {name} take a value; the page's static texts name their entry with data-say (see applyWords).

const WORDS = {
  en: {
    ui: {
      title: 'Helpline console', skip: 'Skip to the current contact', languageSwitch: 'Language of the console',
      switchRo: 'RO', switchEn: 'EN',
      name: 'Name', password: 'Password', logIn: 'Log in', logOut: 'Log out',
      badLogin: 'The name or the password is not right.', tooManyAttempts: 'Too many attempts: wait a while, then try again.',
      passwordTitle: 'Choose your own password',
      passwordWhy: 'Your password was set by someone else. Choose one only you know: at least 12 characters.',
      currentPassword: 'Current password', newPassword: 'New password', newPasswordAgain: 'New password again',
      changePassword: 'Change password', passwordsDiffer: 'The two new passwords are not the same.',
      supervisorTitle: 'Guidance content',
      supervisorWhy: 'This console is for operators. As a supervisor you can reload the guidance files after an edit: '
        + 'a file with a problem is refused with the reason, and the last good content stays in use.',
      wallboardWhy: 'This console is for operators. This account is a wall screen\'s: open /supervisor/ on that screen; '
        + 'it shows the live figures and nothing else.',
      reloadGuidance: 'Reload guidance', reloaded: 'Guidance reloaded: version {version}, {scripts} scripts, {countries} countries.',
      presence: 'Presence', available: 'Available', pause: 'Pause…', shortcuts: 'Shortcuts (?)',
      unreachable: 'The server cannot be reached: {why}', guidanceFailed: 'Guidance could not be loaded: {why}',
      reconnecting: 'Connection lost: reconnecting…', serverClosed: 'The server closed the connection.',
      offers: 'Incoming offers', yourContacts: 'Your contacts', noContactOpen: 'No contact open',
      referralForm: 'Referral form…', conversation: 'Conversation', messageToCaller: 'Message to the caller', send: 'Send',
      transfer: 'Transfer…', endConversation: 'End conversation…', wrapUp: 'Wrap-up', outcome: 'Outcome',
      wrapUpTopics: 'Topics (anonymous counts only)',
      wrapUpClears: 'Finishing the wrap-up clears everything you typed and ticked for this contact.',
      finishWrapUp: 'Finish wrap-up', chooseOutcome: 'Choose an outcome.', chooseOutcomeOption: 'Choose an outcome…',
      wrapUpDone: 'Wrap-up finished. Everything about this contact was cleared from the page.',
      keptOpen: '(kept open while your referral is not sent)', endsIn: '(ends by itself in {time})',
      callerLeft: 'The caller left.', callerLeftWrapUp: 'The caller left the conversation: wrap-up has started.',
      transferred: 'The chat was transferred.', typing: 'The caller is typing…',
      insertNeedsChat: 'Open a chat in conversation to insert a reply.',
      notSent: 'Not sent: {why}', sending: 'Sending… (not recorded yet: it is sent again by itself)',
      newContact: 'New {channel}', inDangerNow: ' — in danger now', offer: 'Offer: {what}', waited: 'waited {time}',
      accept: 'Accept', decline: 'Decline', leftToAnswer: '{time} left to answer', urgentMark: 'URGENT',
      topicNotGiven: 'topic not given', callerAway: 'caller away', unread: '({count} new)', newContactBadge: 'new contact',
      noContacts: 'No contact in your hands.', calledBefore: 'called before within {days} days',
      awayUntil: 'The caller\'s page closed or lost its connection. Unless they come back by {time}, the chat ends.',
      factLanguage: 'Language', factTopic: 'Topic', factUrgency: 'Urgency', factWaited: 'Waited', factHistory: 'History',
      notGiven: 'not given', urgentNow: 'URGENT: said they are in danger now', normal: 'normal',
      handOver: 'Hand-over from {from}: {note}', previousOperator: 'the previous operator',
      whisperFrom: 'Whisper from {name} (supervisor; the caller does not see it)',
      supervisorToCaller: '{name} (supervisor, to the caller)', noNote: '(no note)',
      caller: 'Caller', you: 'You',
      minutesSeconds: '{m} min {s} s', seconds: '{s} s',
      guidance: 'Guidance', tabScript: 'Script', tabIndicators: 'Indicators', tabExits: 'Exit options',
      tabReplies: 'Replies', tabReferral: 'Referral', showGuidanceIn: 'Show guidance in', script: 'Script',
      stepsSoFar: 'Steps so far', back: 'Back', restartScript: 'Restart script',
      ticksStay: 'Ticks stay on this page only, for the open contact, and are cleared at wrap-up.',
      countryWhere: 'Country where the person is',
      repliesHint: 'A reply goes into the message box in the contact\'s language; you can edit it before sending.',
      openContactScript: 'Open a contact to follow its script.', openContactIndicators: 'Open a contact to tick indicators.',
      toBeConfirmed: 'To be confirmed', checkBeforeGiving: 'To be confirmed: check on {where} before giving it',
      suggestedReply: 'Suggested reply ({language})', insertSuggestedReply: 'Insert suggested reply', next: 'Next',
      openReferralForm: 'Open the referral form', endOfScript: 'End of the script.', chooseCountry: 'Choose a country…',
      chooseCountryForExits: 'Choose the country where the person is to see its exit options.', loading: 'Loading…',
      noEntryOfKinds: 'No entry of these kinds for {country} yet.', exitsFailed: 'Exit options could not be loaded: {why}',
      freeCall: 'free call', notFreeCall: 'not a free call', languagesSpoken: 'languages: {list}',
      source: 'Source: {source} ({type}, {date}).', undated: 'undated', checked: 'Checked {date}.',
      checkedBy: 'Checked {date} by {who}.', insertIntoMessage: 'Insert into message',
      referralOff: 'Referral is not configured on this server, so nothing can be sent from here. Ask your supervisor, or '
        + 'whoever runs the server, to set it up (the referral section of the server\'s configuration); until then refer by phone as before.',
      referralNone: 'Open a contact to make a referral.',
      referralHint: 'Only what the referral mechanism needs. It is sent to the partner, then deleted here. What the script '
        + 'established is filled in and says where it came from; correct it if it is wrong.',
      whoTellsUs: 'Who tells us', childMissing: 'A child is missing', age: 'Age', kind: 'Kind of exploitation suspected',
      country: 'Country where the person is (two-letter code, e.g. RO, DE)', county: 'County in Romania',
      countyUnknown: 'Not known, or not in Romania', urgency: 'Urgency', needs: 'Immediate needs',
      consentLegend: 'Consent to referral', explainedToPerson: 'Explained to the person:',
      didTheyAgree: 'Did they agree to be referred? (Not needed for a minor.)',
      consentYes: 'Yes, after the explanations ticked above', consentNo: 'No, or not asked',
      reporterLegend: 'The person who reports it',
      reporterHint: 'A notification needs no consent of the person. Does the reporter agree to be contacted?',
      reporterYes: 'Yes, they agree to be contacted', reporterNo: 'No, or not asked',
      reachPerson: 'How and when the person can be reached safely (only with consent)',
      reachReporter: 'How and when the reporter can be reached (only if they agree to be contacted)',
      way: 'Way', reachValue: 'Number, address or account', reachWindow: 'Safe time to reach them',
      summary: 'Short summary', summaryHint: 'What happened, in a few lines. Do not type names, phone numbers or addresses.',
      sendReferral: 'Send referral', myReferrals: 'My referrals', refresh: 'Refresh', reference: 'Reference',
      route: 'Route', state: 'State', time: 'Time', noneYet: 'None yet.', couldNotLoad: 'Could not be loaded: {why}',
      choose: 'Choose…', formFailed: 'The referral form could not be loaded: {why}',
      fromScript: 'From the script, step “{step}”', fromScriptAnswer: 'From the script, step “{step}”, answer “{answer}”',
      fromContact: 'From the contact: said they are in danger now', fromExits: 'From the Exit options tab',
      fromIndicators: 'From the Indicators tab', corrected: 'Corrected by you. {origin}, it was: {was}',
      yes: 'Yes', no: 'No', missing: 'A child is missing', notMissing: 'Not missing', none: 'none',
      noIndicators: 'No indicator ticked yet (Indicators tab, or the script\'s checklists).',
      noIndicatorsNeeded: 'No indicator ticked: none is needed when the person says what happened to them.',
      indicatorsTicked: 'Indicators ticked ({count}): {list}',
      missingFirst: 'A missing child: the police (112) and 116 000, the missing-children line, now, before anything else.',
      emergencyFirst: 'Immediate danger: 112 (or the local emergency number) first.',
      decision: 'Decision', routeTo: 'Route: {route} · to {partner}', referenceLine: 'Reference ',
      summaryCount: '{used} / {max} characters', summaryOver: '{used} / {max} characters: {over} too many',
      referralsOff: 'Referral is switched off on this server.',
      pauseTitle: 'Pause', pauseReason: 'Reason', pauseOther: 'Other reason', cancel: 'Cancel',
      endTitle: 'End this conversation?',
      endText: 'The caller is told the conversation has ended, and wrap-up starts. This cannot be undone.',
      endChat: 'The caller is told the chat has ended, and wrap-up starts. This cannot be undone.',
      endCall: 'The call is hung up, and wrap-up starts. This cannot be undone.', keepTalking: 'Keep talking',
      endTitleButton: 'End conversation',
      transferTitle: 'Transfer this chat',
      transferWhy: 'The chat goes back to its place in the queue, for an operator who speaks the language you choose. '
        + 'You are asked last. Name an operator to offer it to them directly.',
      transferOperator: 'Operator\'s login name (optional)', transferNote: 'Note for the next operator (optional)',
      transferCarries: 'Your script step, ticked indicators and country go with the chat.', transferButton: 'Transfer',
      shortcutsTitle: 'Keyboard shortcuts', close: 'Close',
      keyList: 'Show this list (outside text fields)', keyAccept: 'Accept the oldest offer',
      keyDecline: 'Decline the oldest offer', keyAvailable: 'Become available', keyPause: 'Pause (asks for a reason)',
      keyMessage: 'Go to the message box', keyContacts: 'Open your first … ninth contact',
      keyTabs: 'Script, Indicators, Exit options, Replies', keyReferral: 'Referral form of the open contact',
      keyEnd: 'End the conversation (asks first)', keyTransfer: 'Transfer the chat', keyWrapUp: 'Go to the wrap-up',
      keyEsc: 'Close a dialog', phoneCall: 'Call', mute: 'Mute', unmute: 'Unmute', hold: 'Hold', resume: 'Resume',
      hangUp: 'Hang up', retry: 'Retry', refused: 'The server refused it: {why}',
    },
    stepKind: { ask: 'Ask', say: 'Say', checklist: 'Check', branch: 'Decide', exits: 'Exit options', referral: 'Referral', end: 'End' },
    scriptRoute: {
      adult: 'Referral suggested: an adult, to ANITP, only with their informed consent.',
      child: 'Child-protection route: the county\'s DGASPC leads, in the child\'s best interest.',
      notification: 'Notify ANITP of a possible case; the person themselves decides about referral.',
    },
    pauseReason: { break: 'Break', debrief: 'Debrief after a hard contact', training: 'Training', paperwork: 'Paperwork', other: 'Other…' },
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
    basis: {
      indicators: 'Signs recognised in the conversation', self_identified: 'The person says what happened to them',
      third_party: 'Someone else reports it (notification)',
    },
    age: { adult: 'Adult', minor: 'Minor (under 18)', unknown: 'Not known (treated as a minor)' },
    exploitation: {
      labour: 'Labour exploitation', sexual: 'Sexual exploitation', begging: 'Forced begging', crime: 'Forced crime',
      domestic_servitude: 'Domestic servitude', other: 'Other',
    },
    urgency: { immediate_danger: 'Immediate danger now', urgent: 'Urgent', normal: 'Normal' },
    need: {
      safety: 'Safety', shelter: 'Shelter', medical: 'Medical care', food_money: 'Food or money', documents: 'Documents',
      repatriation: 'Return home', legal: 'Legal help', interpretation: 'Interpretation',
    },
    explained: {
      rights: 'Their rights', help_without_complaint: 'Help does not depend on a complaint to the police',
      what_is_shared: 'What will be shared', who_receives: 'Who receives it', withdraw_any_time: 'They may withdraw consent at any time',
    },
    way: { phone: 'Phone', email: 'E-mail', messaging: 'Messaging app', other: 'Other' },
    route: { adult: 'Referral of an adult', child: 'Child protection', notification: 'Notification to the national agency' },
    decision: {
      referred: 'Referral made.',
      notified: 'Notification sent: the national agency is informed (and child protection, for a child), without the person\'s consent.',
      no_consent: 'No referral: the person did not consent. Give advice and exit options.',
      consent_not_informed: 'No referral yet: consent is not informed. Explain everything listed, then send again.',
      not_presumed_victim: 'No referral: not a presumed victim on what was ticked (or nothing to notify). Give advice and exit options.',
    },
    reason: {
      missing_child_first: 'A missing child: the police (112, or the local emergency number abroad) and 116 000, the '
        + 'missing-children line, now, before anything else.',
      emergency_first: 'Immediate danger: the emergency services come first, 112 (or the local emergency number abroad), before any referral.',
      age_not_established: 'The age is not established: the person is treated as a minor until it is (EU directive 2011/36, art. 13).',
      not_presumed_victim: 'No rule for a presumed victim holds for the signs ticked: give advice and the exit options; no referral.',
      child_protection: 'A minor: the child-protection route (the county\'s DGASPC), in the child\'s best interest, whatever the consent.',
      no_consent: 'An adult is referred only with informed consent, and this person has not given it: no referral. Give the '
        + 'helpline\'s number and the exit options; they can ask later.',
      consent_not_informed: 'Consent is informed only once these were explained: {missing}. No referral yet.',
      informed_consent: 'An adult who gave informed consent: referral through the national mechanism.',
      nothing_to_notify: 'A third party\'s report without any sign described: nothing to notify yet. Give prevention advice '
        + 'and the exit options; they contact us again if anything changes.',
      notification: 'A third party reports a possible victim: the national agency (ANITP) is notified. The person\'s consent '
        + 'is not needed for a notification; they decide themselves about referral to assistance.',
      child_protection_notified: 'A child: child protection (the county\'s DGASPC) is notified too, in the child\'s best interest.',
      reporter_may_be_contacted: 'The reporter agreed to be contacted, in the way and at the time given.',
      reporter_not_contacted: 'The reporter did not agree to be contacted: the notification carries no way to reach them.',
      self_identified: 'The person says what happened to them: a presumed victim on their own account (self-identification); '
        + 'no indicator needs to be ticked.',
      missing_child: 'A missing child: child protection acts on the disappearance itself.',
      presumed_victim: 'A presumed victim: {rule}.', partner: 'Sent to {partner}.',
    },
    status: { queued: 'waiting for the partner', delivered: 'delivered', failed: 'not delivered: follow up by phone' },
    sourceType: { official: 'official', official_reprint: 'official, reprinted', secondary: 'secondary', none: 'no source found' },
    phone: {
      connecting: 'Phone: connecting…', ready: 'Phone ready.',
      unavailable: 'The browser phone is not available: {why}. {paused}',
      'microphone-denied': 'The microphone is blocked for this page. Allow it (the icon in the address bar), then press Retry. {paused}',
      'no-microphone': 'No microphone was found. Connect a headset, then press Retry. {paused}',
      'registration-failed': 'The phone could not sign in to the phone server ({why}). Trying again… {paused}',
      'network-lost': 'The phone lost its connection to the phone server. Reconnecting… {paused}',
      paused: 'Calls are paused for you until it works; chats go on.',
      noBuild: 'this build of the server was made without it (Node.js was missing)',
    },
  },
  ro: {
    ui: {
      title: 'Consola liniei de urgență', skip: 'Sari la contactul curent', languageSwitch: 'Limba consolei',
      switchRo: 'RO', switchEn: 'EN',
      name: 'Nume', password: 'Parolă', logIn: 'Intră', logOut: 'Ieși',
      badLogin: 'Numele sau parola nu sunt corecte.', tooManyAttempts: 'Prea multe încercări: așteptați puțin, apoi încercați din nou.',
      passwordTitle: 'Alegeți-vă propria parolă',
      passwordWhy: 'Parola a fost stabilită de altcineva. Alegeți una pe care doar dumneavoastră o știți: cel puțin 12 caractere.',
      currentPassword: 'Parola actuală', newPassword: 'Parola nouă', newPasswordAgain: 'Parola nouă, din nou',
      changePassword: 'Schimbă parola', passwordsDiffer: 'Cele două parole noi nu sunt la fel.',
      supervisorTitle: 'Conținutul de ghidare',
      supervisorWhy: 'Această consolă este pentru operatori. Ca supervizor puteți reîncărca fișierele de ghidare după o '
        + 'modificare: un fișier cu o problemă este refuzat cu motivul, iar ultimul conținut bun rămâne în uz.',
      wallboardWhy: 'Această consolă este pentru operatori. Contul acesta este al unui ecran de perete: deschideți /supervisor/ '
        + 'pe acel ecran; arată doar cifrele în timp real, nimic altceva.',
      reloadGuidance: 'Reîncarcă ghidarea', reloaded: 'Ghidare reîncărcată: versiunea {version}, {scripts} scripturi, {countries} țări.',
      presence: 'Prezență', available: 'Disponibil', pause: 'Pauză…', shortcuts: 'Scurtături (?)',
      unreachable: 'Serverul nu poate fi contactat: {why}', guidanceFailed: 'Ghidarea nu a putut fi încărcată: {why}',
      reconnecting: 'Conexiune pierdută: se reconectează…', serverClosed: 'Serverul a închis conexiunea.',
      offers: 'Oferte primite', yourContacts: 'Contactele dumneavoastră', noContactOpen: 'Niciun contact deschis',
      referralForm: 'Formular de referire…', conversation: 'Conversație', messageToCaller: 'Mesaj pentru apelant', send: 'Trimite',
      transfer: 'Transferă…', endConversation: 'Încheie conversația…', wrapUp: 'Încheiere', outcome: 'Rezultat',
      wrapUpTopics: 'Teme (doar numărători anonime)',
      wrapUpClears: 'Terminarea încheierii șterge tot ce ați scris și bifat pentru acest contact.',
      finishWrapUp: 'Termină încheierea', chooseOutcome: 'Alegeți un rezultat.', chooseOutcomeOption: 'Alegeți un rezultat…',
      wrapUpDone: 'Încheiere terminată. Tot ce privea acest contact a fost șters din pagină.',
      keptOpen: '(rămâne deschisă cât timp referirea nu este trimisă)', endsIn: '(se încheie singură în {time})',
      callerLeft: 'Apelantul a plecat.', callerLeftWrapUp: 'Apelantul a părăsit conversația: încheierea a început.',
      transferred: 'Chatul a fost transferat.', typing: 'Apelantul scrie…',
      insertNeedsChat: 'Deschideți un chat în conversație pentru a insera un răspuns.',
      notSent: 'Netrimis: {why}', sending: 'Se trimite… (încă neînregistrat: se retrimite singur)',
      newContact: '{channel} nou', inDangerNow: ' — în pericol acum', offer: 'Ofertă: {what}', waited: 'a așteptat {time}',
      accept: 'Acceptă', decline: 'Refuză', leftToAnswer: 'mai sunt {time} pentru răspuns', urgentMark: 'URGENT',
      topicNotGiven: 'temă nespusă', callerAway: 'apelant absent', unread: '({count} noi)', newContactBadge: 'contact nou',
      noContacts: 'Niciun contact în grija dumneavoastră.', calledBefore: 'a mai sunat în ultimele {days} zile',
      awayUntil: 'Pagina apelantului s-a închis sau și-a pierdut conexiunea. Dacă nu revine până la {time}, chatul se încheie.',
      factLanguage: 'Limba', factTopic: 'Tema', factUrgency: 'Urgență', factWaited: 'A așteptat', factHistory: 'Istoric',
      notGiven: 'nespusă', urgentNow: 'URGENT: a spus că este în pericol acum', normal: 'normală',
      handOver: 'Predare de la {from}: {note}', previousOperator: 'operatorul anterior',
      whisperFrom: 'Șoaptă de la {name} (supervizor; apelantul nu o vede)',
      supervisorToCaller: '{name} (supervizor, către apelant)', noNote: '(fără notă)',
      caller: 'Apelant', you: 'Dumneavoastră',
      minutesSeconds: '{m} min {s} s', seconds: '{s} s',
      guidance: 'Ghidare', tabScript: 'Script', tabIndicators: 'Indicatori', tabExits: 'Căi de ieșire',
      tabReplies: 'Răspunsuri', tabReferral: 'Referire', showGuidanceIn: 'Arată ghidarea în', script: 'Script',
      stepsSoFar: 'Pașii de până acum', back: 'Înapoi', restartScript: 'Reia scriptul',
      ticksStay: 'Bifele rămân doar în această pagină, pentru contactul deschis, și se șterg la încheiere.',
      countryWhere: 'Țara în care se află persoana',
      repliesHint: 'Un răspuns intră în caseta de mesaj în limba contactului; îl puteți modifica înainte de trimitere.',
      openContactScript: 'Deschideți un contact pentru a-i urma scriptul.', openContactIndicators: 'Deschideți un contact pentru a bifa indicatori.',
      toBeConfirmed: 'De confirmat', checkBeforeGiving: 'De confirmat: verificați pe {where} înainte de a-l da',
      suggestedReply: 'Răspuns sugerat ({language})', insertSuggestedReply: 'Inserează răspunsul sugerat', next: 'Mai departe',
      openReferralForm: 'Deschide formularul de referire', endOfScript: 'Sfârșitul scriptului.', chooseCountry: 'Alegeți o țară…',
      chooseCountryForExits: 'Alegeți țara în care se află persoana pentru a-i vedea căile de ieșire.', loading: 'Se încarcă…',
      noEntryOfKinds: 'Încă nicio intrare de aceste feluri pentru {country}.', exitsFailed: 'Căile de ieșire nu au putut fi încărcate: {why}',
      freeCall: 'apel gratuit', notFreeCall: 'apelul nu este gratuit', languagesSpoken: 'limbi: {list}',
      source: 'Sursa: {source} ({type}, {date}).', undated: 'nedatată', checked: 'Verificat la {date}.',
      checkedBy: 'Verificat la {date} de {who}.', insertIntoMessage: 'Inserează în mesaj',
      referralOff: 'Referirea nu este configurată pe acest server, deci de aici nu se poate trimite nimic. Cereți '
        + 'supervizorului sau celui care administrează serverul să o configureze (secțiunea de referire din configurația '
        + 'serverului); până atunci referiți prin telefon, ca înainte.',
      referralNone: 'Deschideți un contact pentru a face o referire.',
      referralHint: 'Doar ce are nevoie mecanismul de referire. Se trimite partenerului, apoi se șterge de aici. Ce a '
        + 'stabilit scriptul este completat și spune de unde vine; corectați dacă este greșit.',
      whoTellsUs: 'Cine ne spune', childMissing: 'Un copil este dispărut', age: 'Vârsta', kind: 'Tipul de exploatare suspectat',
      country: 'Țara în care se află persoana (cod de două litere, de ex. RO, DE)', county: 'Județul din România',
      countyUnknown: 'Necunoscut, sau nu în România', urgency: 'Urgență', needs: 'Nevoi imediate',
      consentLegend: 'Consimțământul pentru referire', explainedToPerson: 'Explicat persoanei:',
      didTheyAgree: 'A fost de acord să fie referită? (Nu este necesar pentru un minor.)',
      consentYes: 'Da, după explicațiile bifate mai sus', consentNo: 'Nu, sau nu a fost întrebată',
      reporterLegend: 'Persoana care semnalează',
      reporterHint: 'O notificare nu are nevoie de consimțământul persoanei. Este de acord cel care semnalează să fie contactat?',
      reporterYes: 'Da, este de acord să fie contactat', reporterNo: 'Nu, sau nu a fost întrebat',
      reachPerson: 'Cum și când poate fi contactată persoana în siguranță (doar cu consimțământ)',
      reachReporter: 'Cum și când poate fi contactat cel care semnalează (doar dacă este de acord)',
      way: 'Modalitate', reachValue: 'Număr, adresă sau cont', reachWindow: 'Momentul sigur pentru contact',
      summary: 'Rezumat scurt', summaryHint: 'Ce s-a întâmplat, în câteva rânduri. Nu scrieți nume, numere de telefon sau adrese.',
      sendReferral: 'Trimite referirea', myReferrals: 'Referirile mele', refresh: 'Reîmprospătează', reference: 'Referință',
      route: 'Traseu', state: 'Stare', time: 'Ora', noneYet: 'Niciuna încă.', couldNotLoad: 'Nu s-au putut încărca: {why}',
      choose: 'Alegeți…', formFailed: 'Formularul de referire nu a putut fi încărcat: {why}',
      fromScript: 'Din script, pasul „{step}”', fromScriptAnswer: 'Din script, pasul „{step}”, răspunsul „{answer}”',
      fromContact: 'Din contact: a spus că este în pericol acum', fromExits: 'Din fila Căi de ieșire',
      fromIndicators: 'Din fila Indicatori', corrected: 'Corectat de dumneavoastră. {origin}, era: {was}',
      yes: 'Da', no: 'Nu', missing: 'Un copil este dispărut', notMissing: 'Nu este dispărut', none: 'niciuna',
      noIndicators: 'Niciun indicator bifat încă (fila Indicatori sau listele de verificare ale scriptului).',
      noIndicatorsNeeded: 'Niciun indicator bifat: nu este nevoie de niciunul când persoana spune ce i s-a întâmplat.',
      indicatorsTicked: 'Indicatori bifați ({count}): {list}',
      missingFirst: 'Un copil dispărut: poliția (112) și 116 000, linia pentru copii dispăruți, acum, înainte de orice altceva.',
      emergencyFirst: 'Pericol imediat: întâi 112 (sau numărul local de urgență).',
      decision: 'Decizia', routeTo: 'Traseu: {route} · către {partner}', referenceLine: 'Referința ',
      summaryCount: '{used} / {max} caractere', summaryOver: '{used} / {max} caractere: {over} în plus',
      referralsOff: 'Referirea este oprită pe acest server.',
      pauseTitle: 'Pauză', pauseReason: 'Motivul', pauseOther: 'Alt motiv', cancel: 'Renunță',
      endTitle: 'Încheiați această conversație?',
      endText: 'Apelantului i se spune că conversația s-a încheiat, iar încheierea începe. Nu se poate anula.',
      endChat: 'Apelantului i se spune că chatul s-a încheiat, iar încheierea începe. Nu se poate anula.',
      endCall: 'Apelul se închide, iar încheierea începe. Nu se poate anula.', keepTalking: 'Continuă discuția',
      endTitleButton: 'Încheie conversația',
      transferTitle: 'Transferați acest chat',
      transferWhy: 'Chatul se întoarce la locul său în coadă, pentru un operator care vorbește limba aleasă. Dumneavoastră '
        + 'sunteți întrebat ultimul. Numiți un operator pentru a i-l oferi direct.',
      transferOperator: 'Numele de autentificare al operatorului (opțional)', transferNote: 'Notă pentru operatorul următor (opțional)',
      transferCarries: 'Pasul din script, indicatorii bifați și țara merg odată cu chatul.', transferButton: 'Transferă',
      shortcutsTitle: 'Scurtături de tastatură', close: 'Închide',
      keyList: 'Arată această listă (în afara câmpurilor de text)', keyAccept: 'Acceptă cea mai veche ofertă',
      keyDecline: 'Refuză cea mai veche ofertă', keyAvailable: 'Devino disponibil', keyPause: 'Pauză (cere un motiv)',
      keyMessage: 'Mergi la caseta de mesaj', keyContacts: 'Deschide primul … al nouălea contact',
      keyTabs: 'Script, Indicatori, Căi de ieșire, Răspunsuri', keyReferral: 'Formularul de referire al contactului deschis',
      keyEnd: 'Încheie conversația (întreabă întâi)', keyTransfer: 'Transferă chatul', keyWrapUp: 'Mergi la încheiere',
      keyEsc: 'Închide un dialog', phoneCall: 'Apel', mute: 'Microfon oprit', unmute: 'Pornește microfonul', hold: 'Așteptare',
      resume: 'Reia', hangUp: 'Închide apelul', retry: 'Încearcă din nou', refused: 'Serverul a refuzat: {why}',
    },
    stepKind: { ask: 'Întreabă', say: 'Spune', checklist: 'Verifică', branch: 'Decide', exits: 'Căi de ieșire', referral: 'Referire', end: 'Sfârșit' },
    scriptRoute: {
      adult: 'Referire sugerată: un adult, către ANITP, doar cu consimțământul său informat.',
      child: 'Traseul de protecție a copilului: conduce DGASPC din județ, în interesul superior al copilului.',
      notification: 'Notificați ANITP despre un posibil caz; persoana însăși decide asupra referirii.',
    },
    pauseReason: { break: 'Pauză', debrief: 'Discuție după un contact greu', training: 'Instruire', paperwork: 'Acte', other: 'Altceva…' },
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
    basis: {
      indicators: 'Semne recunoscute în conversație', self_identified: 'Persoana spune ce i s-a întâmplat',
      third_party: 'Altcineva semnalează (notificare)',
    },
    age: { adult: 'Adult', minor: 'Minor (sub 18 ani)', unknown: 'Necunoscută (tratat ca minor)' },
    exploitation: {
      labour: 'Exploatare prin muncă', sexual: 'Exploatare sexuală', begging: 'Cerșetorie forțată', crime: 'Infracțiuni forțate',
      domestic_servitude: 'Servitute domestică', other: 'Altul',
    },
    urgency: { immediate_danger: 'Pericol imediat acum', urgent: 'Urgent', normal: 'Normal' },
    need: {
      safety: 'Siguranță', shelter: 'Adăpost', medical: 'Îngrijire medicală', food_money: 'Hrană sau bani', documents: 'Documente',
      repatriation: 'Întoarcere acasă', legal: 'Ajutor juridic', interpretation: 'Interpretariat',
    },
    explained: {
      rights: 'Drepturile sale', help_without_complaint: 'Ajutorul nu depinde de o plângere la poliție',
      what_is_shared: 'Ce se transmite', who_receives: 'Cine primește', withdraw_any_time: 'Își poate retrage consimțământul oricând',
    },
    way: { phone: 'Telefon', email: 'E-mail', messaging: 'Aplicație de mesagerie', other: 'Altă modalitate' },
    route: { adult: 'Referirea unui adult', child: 'Protecția copilului', notification: 'Notificare către agenția națională' },
    decision: {
      referred: 'Referire făcută.',
      notified: 'Notificare trimisă: agenția națională este informată (și protecția copilului, pentru un copil), fără consimțământul persoanei.',
      no_consent: 'Nicio referire: persoana nu și-a dat consimțământul. Oferiți consiliere și căile de ieșire.',
      consent_not_informed: 'Încă nicio referire: consimțământul nu este informat. Explicați tot ce este listat, apoi trimiteți din nou.',
      not_presumed_victim: 'Nicio referire: nu este o presupusă victimă după ce s-a bifat (sau nimic de notificat). Oferiți consiliere și căile de ieșire.',
    },
    reason: {
      missing_child_first: 'Un copil dispărut: poliția (112, sau numărul local de urgență în străinătate) și 116 000, linia '
        + 'pentru copii dispăruți, acum, înainte de orice altceva.',
      emergency_first: 'Pericol imediat: întâi serviciile de urgență, 112 (sau numărul local de urgență în străinătate), înaintea oricărei referiri.',
      age_not_established: 'Vârsta nu este stabilită: persoana este tratată ca minor până când este (directiva UE 2011/36, art. 13).',
      not_presumed_victim: 'Nicio regulă pentru o presupusă victimă nu se aplică semnelor bifate: oferiți consiliere și căile de ieșire; nicio referire.',
      child_protection: 'Un minor: traseul de protecție a copilului (DGASPC din județ), în interesul superior al copilului, oricare ar fi consimțământul.',
      no_consent: 'Un adult este referit doar cu consimțământ informat, iar această persoană nu l-a dat: nicio referire. Dați '
        + 'numărul liniei și căile de ieșire; poate cere mai târziu.',
      consent_not_informed: 'Consimțământul este informat doar după ce s-au explicat: {missing}. Încă nicio referire.',
      informed_consent: 'Un adult care și-a dat consimțământul informat: referire prin mecanismul național.',
      nothing_to_notify: 'Semnalarea unei terțe persoane fără niciun semn descris: încă nimic de notificat. Oferiți sfaturi de '
        + 'prevenire și căile de ieșire; ne contactează din nou dacă se schimbă ceva.',
      notification: 'O terță persoană semnalează o posibilă victimă: agenția națională (ANITP) este notificată. Pentru o '
        + 'notificare nu este nevoie de consimțământul persoanei; ea decide singură asupra referirii către asistență.',
      child_protection_notified: 'Un copil: este notificată și protecția copilului (DGASPC din județ), în interesul superior al copilului.',
      reporter_may_be_contacted: 'Cel care semnalează a acceptat să fie contactat, în modul și la momentul date.',
      reporter_not_contacted: 'Cel care semnalează nu a acceptat să fie contactat: notificarea nu conține nicio cale de a-l contacta.',
      self_identified: 'Persoana spune ce i s-a întâmplat: o presupusă victimă pe baza propriei relatări (autoidentificare); '
        + 'nu trebuie bifat niciun indicator.',
      missing_child: 'Un copil dispărut: protecția copilului acționează pe baza dispariției însăși.',
      presumed_victim: 'O presupusă victimă: {rule}.', partner: 'Trimis către {partner}.',
    },
    status: { queued: 'așteaptă partenerul', delivered: 'livrat', failed: 'nelivrat: urmăriți prin telefon' },
    sourceType: { official: 'oficială', official_reprint: 'oficială, preluată de presă', secondary: 'secundară', none: 'nicio sursă găsită' },
    phone: {
      connecting: 'Telefon: se conectează…', ready: 'Telefon pregătit.',
      unavailable: 'Telefonul din browser nu este disponibil: {why}. {paused}',
      'microphone-denied': 'Microfonul este blocat pentru această pagină. Permiteți-l (pictograma din bara de adresă), apoi apăsați Încearcă din nou. {paused}',
      'no-microphone': 'Nu s-a găsit niciun microfon. Conectați o cască, apoi apăsați Încearcă din nou. {paused}',
      'registration-failed': 'Telefonul nu s-a putut autentifica la serverul de telefonie ({why}). Se încearcă din nou… {paused}',
      'network-lost': 'Telefonul și-a pierdut conexiunea cu serverul de telefonie. Se reconectează… {paused}',
      paused: 'Apelurile sunt oprite pentru dumneavoastră până când funcționează; chaturile continuă.',
      noBuild: 'această versiune a serverului a fost construită fără el (lipsea Node.js)',
    },
    /** The server's refusals by code: its own messages are English (shown as they are on an English console). */
    error: {
      bad_request: 'Valoarea nu este acceptată: verificați-o.', too_long: 'Prea lung: scurtați textul.',
      unknown_field: 'Un câmp necunoscut a fost refuzat.', reach_without_consent: 'O cale de contact se dă doar cu consimțământ.',
      referrals_off: 'Referirea este oprită pe acest server.', unavailable: 'Serverul nu a putut înregistra acum: încercați din nou.',
      wrong_state: 'Contactul nu mai este în starea potrivită pentru asta.', not_yours: 'Acest contact nu este al dumneavoastră.',
      unknown_contact: 'Contactul nu mai există.', target_unavailable: 'Operatorul numit nu îl poate prelua acum.',
      transfer_unsupported: 'Un apel se transferă din telefon.', reason_required: 'Spuneți motivul pauzei.',
      outcome_required: 'Alegeți un rezultat.', conversation_full: 'Conversația a atins numărul maxim de mesaje.',
      too_large: 'Prea mare pentru a fi trimis.', phone_off: 'telefonia este oprită pe acest server',
      weak_password: 'Parola este prea slabă: cel puțin 12 caractere.', same_password: 'Alegeți o parolă diferită de cea actuală.',
      bad_credentials: 'Parola actuală nu este corectă.', other: 'Serverul a refuzat cererea.',
    },
  },
};

/** The table itself, for the console's language test (ConsoleLanguagePageTest). */
export { WORDS };

let chosen = 'ro';

/** The console's language now: the operator's choice once signed in, Romanian before. */
export function language() {
  return chosen;
}

export function setLanguage(code) {
  chosen = WORDS[code] ? code : 'ro';
  document.documentElement.lang = chosen;
}

export const LANGUAGES = Object.keys(WORDS);

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (values[name] === undefined ? whole : String(values[name])));
}

/** One of the console's own texts, its {names} filled from values. */
export function say(key, values = {}) {
  return fill(WORDS[chosen].ui[key] ?? WORDS.en.ui[key] ?? key, values);
}

/** The name of a code of one kind, {names} filled from values; a code with no name yet is shown as words, never with underscores. */
export function word(kind, code, values = {}) {
  if (!code) return '';
  if (kind === 'language') return languageName(code);
  const name = WORDS[chosen][kind]?.[code] ?? WORDS.en[kind]?.[code];
  return name === undefined ? code.replaceAll('_', ' ') : fill(name, values);
}

/** A server's refusal as the operator reads it: by its code in Romanian, the server's own message in English. */
export function refusal(error) {
  if (chosen === 'en' || !error.code) return error.message;
  return WORDS[chosen].error?.[error.code] ?? WORDS[chosen].error?.other ?? error.message;
}

/** A language's own name in the console's language (Intl knows them all): no list kept here. */
export function languageName(code) {
  try {
    return new Intl.DisplayNames([chosen], { type: 'language' }).of(code);
  } catch {
    return code;
  }
}

/** Durations as the console shows them: "2 min 5 s". */
export function duration(total) {
  const s = Math.max(0, Math.round(total));
  return s >= 60 ? say('minutesSeconds', { m: Math.floor(s / 60), s: s % 60 }) : say('seconds', { s });
}

/**
 * Puts the page's static texts in the console's language: data-say="key" names an element's text, and
 * data-say-label, data-say-placeholder its aria-label and placeholder.
 */
export function applyWords(root = document) {
  root.querySelectorAll('[data-say]').forEach((node) => { node.textContent = say(node.dataset.say); });
  root.querySelectorAll('[data-say-label]').forEach((node) => node.setAttribute('aria-label', say(node.dataset.sayLabel)));
  root.querySelectorAll('[data-say-pause]').forEach((node) => { node.textContent = word('pauseReason', node.value); });
  document.title = say('title');
}
