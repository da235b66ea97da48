/**
 * Words around people in episode titles and notes, in the languages podcasts are written in. These are general
 * language facts (how one says "with", "guest", "interview", "founder"), not anything learned from one show; the
 * model's weights decide how much each family counts. Lower case; matched on word boundaries.
 */

/** "with" and its siblings: a name after one of these in a title is often the guest. */
export const WITH_WORDS = [
  'with', 'w/', 'feat', 'feat.', 'ft', 'ft.', 'featuring', 'mit', 'con', 'avec', 'amb', 'com', 'met', 'med', 'och',
  'z', 's', 'se', 'ze', 'z udziałem', 'og', 'and special guest',
];

/**
 * "and" in the languages whose lists the engine reads ("A, B und C", "A och B", "A и B"), as a regex alternation: the
 * list readers, the role reader and the rule that lists a name joined to a guest share it.
 */
export const AND_WORDS = 'and|und|et|y|e|og|och|en|i|и';

/** Phrases that introduce a guest: the name follows (possibly after a colon). */
export const GUEST_CUES = [
  // English
  'guest', 'guests', 'special guest', 'special guests', 'our guest', 'my guest', 'guest today is', 'guest is',
  'guests are', 'guests include', 'guest this week is', 'guest star', 'interview', 'interview with', 'interviews',
  'interviewed',
  'an interview with', 'in conversation with', 'conversation with', 'a conversation with', 'talk with', 'talks with',
  'talked with', 'talk to', 'talks to', 'talked to', 'talking to', 'talking with', 'speak with', 'speaks with',
  'none other than',
  'spoke with', 'speak to', 'speaks to', 'spoke to', 'speaking with', 'chat with', 'chats with', 'chatted with',
  'chatting with', 'sit down with', 'sits down with', 'sat down with', 'joined by', 'is joined by', 'are joined by',
  'welcome', 'welcomes', 'welcomed', 'we welcome', 'catch up with', 'catches up with', 'caught up with',
  'hear from', 'we hear from', 'featuring', 'episode features', 'feat.', 'ft.', 'w/', 'interviewing', 'q&a with', 'joining us',
  'joining me', 'joining us today', 'joining me today', 'joining us this week', 'joining me this week', 'meet',
  'chat to', 'chats to', 'chatting to', 'panelists', 'panelist', 'panel', 'participants', 'interviewee',
  'interviewees', 'in conversation', 'teilnehmer', 'teilnehmerin', 'intervenants', 'intervenant', 'participantes',
  'my guests', 'our guests', 'this week’s guest', "this week's guest", 'today’s guest', "today's guest",
  'speakers', 'guest speaker', 'guest speakers', 'gesprächspartner', 'gesprächspartnerin', 'gesprächspartner:innen',
  'ponentes', 'relatori', 'medvirkende', 'medverkande', 'gasten', 'participan', 'participaron', 'participent',
  'ont participé', 'nehmen teil', 'nahmen teil',
  // German
  'gast', 'gäste', 'zu gast', 'zu gast ist', 'zu gast sind', 'zu gast:', 'interview mit', 'gespräch mit',
  'im gespräch mit', 'gemeinsam mit', 'sprechen mit', 'sprechen wir mit', 'spricht mit', 'spreche mit',
  'unterhalten uns mit', 'sprach mit', 'sprach ich mit', 'spreche ich mit', 'telefoniere mit', 'telefoniere ich mit',
  'telefonierte mit', 'telefonierte ich mit',
  'unterhält sich mit', 'redet mit', 'reden mit', 'begrüßen', 'begrüßt', 'mit dabei', 'mit dabei ist', 'mit dabei sind',
  'heute dabei', 'heute mit dabei', 'diskutieren', 'diskutierten', 'debattieren', 'debattierten',
  // French
  'invité', 'invitée', 'invités', 'invitées', 'notre invité', 'notre invitée', 'avec notre invité',
  'entretien avec', 'interview de', 'rencontre avec', 'discute avec', 'discutons avec', 'parlons avec',
  'reçoit', 'recevons', 'accueille', 'accueillons', 'a reçu', 'avons reçu', 'on a reçu', 'nous avons reçu',
  'à entendre', 'vous invite à entendre', "d'entendre", 'd’entendre',
  // Spanish, Catalan, Portuguese, Italian
  'invitado', 'invitada', 'invitados', 'entrevista', 'entrevista a', 'entrevista con', 'entrevistamos a',
  'entrevistar a', 'entrevistó a', 'recibimos a', 'recibe a', 'nos visita', 'nos visitan', 'nos visitó', 'nos visitaron',
  'hablamos con', 'charlamos con', 'conversamos con', 'conversa con', 'nos acompaña', 'nos acompañan',
  'con nosotros', 'convidat', 'convidada', 'entrevistem', 'parlem amb', 'xerrem amb', 'conversem amb',
  'convidado', 'convidada', 'convidados', 'convidadas', 'recebe', 'recebemos', 'invitadas', 'entrevistado',
  'entrevistada', 'conversamos com', 'conversa com', 'papo com',
  'bate-papo com', 'ospite', 'ospiti', 'intervista', 'intervista a', 'intervista con', 'intervistiamo',
  'parliamo con', 'chiacchieriamo con', 'in compagnia di', 'con noi', 'abbiamo con noi', 'avere con noi',
  'ai nostri microfoni', 'ospite in studio', 'sono intervenuti', 'sono intervenuti nell\'ordine', 'sono intervenuti nell’ordine', 'hanno partecipato',
  'avec pour invités', 'avec pour invité', 'avec pour invitée', 'pour invités', 'colaboração de', 'colaboração da',
  'colaboração do', 'com a colaboração de', 'com a colaboração da', 'com a colaboração do', 'un\'intervista a', 'un\'intervista al', 'un\'intervista con', 'es spricht', 'rencontre', 'intervistando', 'ha intervistato', 'intervistato',
  'intervistata', 'bate um papo com', 'bate papo com', 'entrevista com', 'charla con', 'conversación con',
  'entrevistamos', 'entrevistem a', 'conversa amb', 'ens acompanya', 'ens acompanyen', 'ens en parla', 'ens parla',
  // Dutch, Scandinavian
  'te gast', 'gesprek met', 'in gesprek met', 'interview met', 'praat met', 'praten met', 'gæst', 'gæster',
  'interview med', 'samtale med', 'snakker med', 'taler med', 'gäst', 'gäster', 'intervju med', 'samtal med',
  'pratar med', 'snackar med', 'snackade med', 'i samtal med', 'träffar vi', 'möter vi', 'vi träffar', 'vi möter',
  'gjest', 'interviewer', 'interviewe', 'at interviewe',
  'har besøg af', 'besøg af',
  'intervjuar', 'intervjua', 'besök av', 'interviewt', 'interviewen', 'zu besuch', 'zu besuch ist',
  // Czech, Polish, Turkish
  'hostem', 'hosté', 'rozhovor s', 'rozhovor se', 'rozhovoru s', 'rozhovoru se', 'mluvíme s', 'hovoříme s',
  'gość', 'goście', 'gościem', 'gość specjalny', 'gościmy', 'naszym gościem', 'rozmowa z', 'rozmowie z', 'rozmowy z',
  'wywiad z', 'rozmawiamy z', 'gośćmi', 'naszymi gośćmi', 'z naszymi gośćmi', 'konuk', 'konuğumuz', 'söyleşi',
  // Polish puts the speaking verb before its subject: "na te pytania odpowiada X", "o tym opowie X"
  'odpowiada', 'odpowiadają', 'opowie', 'opowiedzą', 'opowiada', 'opowiadają', 'wyjaśni', 'wyjaśnią', 'wyjaśnią wam',
  // Japanese and Chinese, inline ("今回のゲストは山田さんです"; the heading "ゲスト：" is a guest section)
  'ゲストは', 'ゲストに', '嘉宾是', '嘉賓是', '嘉宾为', '嘉賓為',
  // Russian
  'в гостях', 'наш гость', 'гость выпуска', 'гости выпуска', 'с участием', 'беседуем с', 'разговариваем с',
  // Portuguese and Spanish participation
  'participação de', 'participação da', 'participação do', 'com a participação de', 'com a participação da',
  'com a participação do', 'con la participación de', 'participação especial de', 'participação especial do',
  'participação especial da', 'participações especiais de', 'participações de', 'contei com',
  // Turkish "guest of the week" (also as feeds write it without Turkish letters), Finnish "as a guest"
  'haftanın konuğu', 'haftanin konugu', 'konuğu', 'konugu', 'vieraana', 'vieraanamme', 'vieraina', 'haastattelussa',
  // English past tense and Norwegian "visit from"
  'guests were', 'guest was', 'our guests were', 'my guests were', 'besøk av', 'hadde vi besøk av', 'gjester',
  // Headings in scripts without spaces ("今回のゲスト：", "本期嘉宾："): matched at the end of a heading.
  'ゲスト', '嘉宾', '嘉賓',
];

/**
 * Headings that name the people on the episode, written alone on their line ("## Guests", "<h2>Gäste</h2>",
 * "Panelists"): the lines below them list one person each.
 */
export const GUEST_HEADINGS = [
  'guest', 'guests', 'special guest', 'special guests', 'our guest', 'our guests', 'my guest', 'my guests',
  'featured guest', 'featured guests', 'today’s guest', "today's guest", 'today’s guests', "today's guests",
  'this week’s guest', "this week's guest", 'this week’s guests', "this week's guests", 'guest speaker',
  'guest speakers', 'speakers', 'panelists', 'panellists', 'panel', 'participants', 'interviewees', 'featuring',
  'on the call', 'on the panel', 'in the studio', 'im studio', 'am mikrofon', 'mit dabei', 'sur le plateau', 'autour de la table',
  'en el estudio', 'in studio',
  'gast', 'gäste', 'gesprächspartner', 'gesprächspartnerin', 'teilnehmer', 'teilnehmende', 'invité', 'invitée',
  'invités', 'invitées', 'intervenants', 'invitado', 'invitada', 'invitados', 'invitadas', 'participantes', 'ponentes',
  'convidat', 'convidats', 'convidado', 'convidada', 'convidados', 'convidadas', 'ospite', 'ospiti', 'relatori',
  'gasten', 'gæst', 'gæster', 'gäst', 'gäster', 'gjest', 'gjester', 'medvirkende', 'medverkande', 'hosté',
  'gość', 'goście', 'konuk', 'konuklar', 'гость', 'гости', 'ゲスト', 'ゲスト紹介', 'ゲストの紹介', '嘉宾', '嘉賓', '本期嘉宾', '本期嘉賓', '特邀嘉宾', '分享者', '分享者自我介绍',
  '分享者自我介紹', '嘉宾介绍', '嘉賓介紹', '主讲', '主講', '主讲人', '主講人', '讲者', '講者',
];

/** CJK and Arabic-script cues that precede a name written without capitals. */
export const SCRIPT_CUES_BEFORE = [
  'ゲスト', 'ゲストは', 'ゲストに', '嘉宾', '嘉賓', '采访', '採訪', '专访', '專訪', '邀请', '邀請', '邀请到了', '邀請到了',
  '请到了', '請到了', '嘉宾是', '嘉賓是', '嘉宾为', '嘉賓為', '和', '與', '与', '作者', '创始人', '創始人', '创办人', '創辦人', '主编', '主編', '工程师', '工程師',
  '设计师', '設計師', '老师', '老師', '教授', 'مهمان', 'گفتگو با', 'گفت‌وگو با', 'مصاحبه با', 'با',
];
/**
 * Words that follow a cue in scripts without spaces without being a name: "ゲスト投稿" is a guest post, "ゲスト出演" a
 * guest appearance, "嘉宾介绍" the guests' introduction.
 */
export const SCRIPT_NOT_NAMES = [
  '投稿', '出演', '回', '会', '紹介', '募集', '情報', '一覧', '参加', '登場', 'トーク', '介绍', '介紹', '分享', '推荐', '推薦',
  '问答', '問答', '访谈', '訪談', '对谈', '對談',
  // What is said of a guest before their name ("嘉宾是知名作家…", "一位…"): no name starts so.
  '知名', '著名', '资深', '資深', '我的', '一位', '一名', '一个', '一個',
];

/**
 * Japanese and Chinese put the name first and the welcome after it: "山田さんをゲストに迎え", "mikanさんをお招きして",
 * "山田さんがゲストとして登場", "王小明作为嘉宾" (as a guest: "作为" is needed), "王小明做客"; also for each name of a list before it ("山田さんと川村さんを
 * ゲストに迎え"); Korean "송우일 님을 모시고".
 */
/** Honorifics written right after a name in Japanese ("山田さん", "佐藤氏", "田中先生", "鈴木様"). */
export const SCRIPT_HONORIFICS = ['さん', '氏', '先生', '様'];
const HONORIFIC_AFTER = SCRIPT_HONORIFICS.join('|');

/** Korean's welcome after a name ("송우일 님을 모시고", "김정(@godrm) 님을 모시고"): an optional bracket, 님, a particle, the verb. */
export const KOREAN_WELCOME = String.raw`(?:\([^()\n]{1,30}\)\s*)?님\s*(?:을|과|께서)?\s*(?:모시고|모셔|초대|함께)`;
export const SCRIPT_JOINS = new RegExp(
  `^\\s*${KOREAN_WELCOME}|^\\s*(?:${HONORIFIC_AFTER}|くん|ちゃん|老师|老師)?\\s*(?:(?:と|、|,)\\s*[^。！？\\n]{1,40}?(?:${HONORIFIC_AFTER})\\s*)?(?:(?:を|が|に)\\s*(?:ゲスト(?:に|として|で)|お招き|お迎え|迎え|招い|招き)|(?:作为|作為)(?:嘉宾|嘉賓)|做客)`,
  'u',
);

/** Words after a CJK name that mark it as a person talked to ("和X聊", "Xさん"). */
export const SCRIPT_CUES_AFTER = [...SCRIPT_HONORIFICS, '聊', '谈', '談', '一起', '对谈', '對談', '老师', '老師'];

/** Subject pronouns: a sentence that opens with one goes on about the person just named. */
export const SUBJECT_PRONOUNS = ['he', 'she', 'they', 'er', 'sie', 'elle', 'il', 'ella', 'él', 'hij', 'zij', 'han', 'hon', 'hun'];

/** Verbs after a name that show them arriving on the show. */
export const JOIN_AFTER = [
  'joins', 'joined', 'join', 'join us', 'joins us', 'joined us', 'rejoint', 'rejoignent', 'se une a', 'se unen a',
  'stops by', 'stopped by', 'drops by', 'dropped by', 'stop by', 'drop by', 'visit the podcast', 'visit the show', 'visit us',
  'comes on', 'came on', 'is back', 'returns', 'visits', 'sits down', 'lands in', 'shows', 'explains',
  'tells us', 'talks about', 'talks', 'talk through', 'talks through', 'discusses', 'shares', 'walks us', 'breaks down', 'answers',
  'talked about', 'talked to us', 'talked to us about', 'spoke about', 'spoke to us', 'told us', 'walked us through',
  'kommt', 'ist zu gast', 'ist heute zu gast', 'zu gast', 'bei uns zu gast', 'heute zu gast', 'wieder zu gast',
  'erneut zu gast', 'erzählt', 'erklärt', 'berichtet', 'spricht', 'war zu gast', 'waren zu gast', 'war heute zu gast',
  'nos acompaña', 'nos cuenta', 'nos habla', 'nos explica', 'nous parle', 'nous explique', 'raconte',
  'nous racontent', 'nous parlent', 'nous expliquent', 'partage', 'partagent', 'nous partage',
  'ci racconta', 'ci parla', 'ens parla', 'ens explica', 'ens acompanya', 'ens acompanyen', 'vertelt', 'fortæller',
  'berättar', 'berätter', 'vypráví', 'opowiada', 'anlatıyor',
  'calls in', 'called in', 'and i', 'and i talk', 'and i discuss', 'and i chat', 'and me', 'is our guest', 'are our guests', 'is our guest today', 'est notre invité',
  'est notre invitée', 'sont les invités', 'sont nos invités', 'sind zu gast', 'sind heute zu gast', 'è ospite',
  'sono ospiti', 'en invité', 'en invitée', 'en invités', 'en invitées', 'er gæst', 'er gæster', 'är gäst',
  'är gäster', 'gästar', 'gästar oss', 'gästar podden', 'interviewes', 'intervjuas', 'wird interviewt',
  'im interview', 'im gespräch', 'nos concedió una entrevista', 'nos concede una entrevista', 'in studio', 'in studio da noi',
];

/** Copulas after a cue ("our guest is", "notre invité est"): the name follows them. */
export const COPULAS = ['is', 'are', 'was', 'est', 'sont', 'ist', 'sind', 'es', 'son', 'è', 'sono', 'er', 'är', 'je', 'jsou', 'jest', 'są', 'é', 'são', 'zijn'];

/** Words that say what someone does: an appositive holding one presents a person. */
export const ROLE_WORDS = [
  // German trades the stems below miss ("der Verleger", "die Regisseurin")
  'verleger', 'schriftsteller', 'regisseur', 'filmemacher', 'übersetzer', 'dramaturg', 'kurator', 'fotograf',
  'schauspieler', 'schauspielerin', 'synchronsprecher', 'synchronsprecherin', 'musiker', 'musikerin', 'sänger',
  'sängerin', 'komponist', 'komponistin', 'künstler', 'künstlerin', 'politiker', 'politikerin', 'justizsenator',
  'founder', 'co-founder', 'cofounder', 'ceo', 'cto', 'coo', 'cfo', 'president', 'director', 'head', 'lead',
  'manager', 'engineer', 'developer', 'designer', 'architect', 'scientist', 'researcher', 'professor', 'lecturer',
  'author', 'writer', 'journalist', 'reporter', 'correspondent', 'editor', 'columnist', 'producer', 'creator',
  'maintainer', 'contributor', 'inventor', 'entrepreneur', 'investor', 'partner', 'consultant', 'advisor',
  'analyst', 'economist', 'historian', 'physician', 'doctor', 'nurse', 'lawyer', 'attorney', 'farmer', 'chef',
  'artist', 'musician', 'comedian', 'actor', 'actress', 'filmmaker', 'photographer', 'activist', 'organizer',
  'organiser', 'senator', 'governor', 'mayor', 'minister', 'ambassador', 'representative', 'candidate', 'fellow',
  'counsellor', 'counselor', 'diplomat', 'attaché', 'envoy',
  // Clergy and party titles written before a name ("Subdeacon Ada Byron", "Pirat Ada Byron")
  'subdeacon', 'deacon', 'archdeacon', 'protodeacon', 'pirat', 'piratin',
  // Local offices, written before the name as a title ("Clerk Ada Byron", "Commissioner Ada Byron")
  'clerk', 'councillor', 'councilor', 'councilman', 'councilwoman', 'commissioner', 'alderwoman',
  'treasurer', 'superintendent',
  // Sport, faith, arts, science and care
  'medalist', 'medallist', 'olympian', 'athlete', 'goalie', 'goaltender', 'goalkeeper', 
  'quarterback', 'referee', 'umpire', 'cyclist', 'wrestler', 'swimmer', 'golfer', 'missionary', 
  'chaplain', 'theologian', 'scholar', 'poet', 'novelist', 'playwright', 'composer', 'songwriter',
  'sculptor', 'curator', 'librarian', 'archivist', 'dietitian', 'nutritionist', 'therapist', 'surgeon',
  'dentist', 'pharmacist', 'pediatrician', 'psychiatrist', 'epidemiologist', 'sociologist', 'anthropologist',
  'archaeologist', 'geologist', 'astronomer', 'mathematician', 'philosopher', 'illustrator', 'animator', 'cartoonist',
  'presenter', 'broadcaster', 'commentator', 'pundit', 'strategist', 'lobbyist', 'volunteer', 'midwife', 'paramedic',
  'firefighter', 'detective', 'sergeant', 'soldier', 'astronaut', 'planner',
  'student', 'teacher', 'coach', 'expert', 'specialist', 'evangelist', 'advocate', 'owner', 'chair', 'chairman',
  'member', 'vp', 'vice', 'officer', 'executive', 'programmer', 'hacker', 'podcaster', 'blogger', 'youtuber',
  'speaker', 'educator', 'psychologist', 'biologist', 'physicist', 'chemist', 'ecologist', 'veterinarian',
  'bureau chief', 'staff writer', 'pm', 'team', 'phd', 'ph.d', 'ph.d.', 'md', 'mba', 'colleague', 'kollege', 'kollegin', 'collègue',
  // German
  'gründer', 'gründerin', 'mitgründer', 'mitgründerin', 'geschäftsführer', 'geschäftsführerin', 'leiter',
  'leiterin', 'entwickler', 'entwicklerin', 'professorin', 'forscher', 'forscherin', 'autor', 'autorin',
  'journalistin', 'redakteur', 'redakteurin', 'wissenschaftler', 'wissenschaftlerin', 'berater', 'beraterin',
  'vorstand', 'sprecher', 'sprecherin', 'experte', 'expertin', 'ingenieur', 'ingenieurin',
  'bürgermeister', 'bürgermeisterin', 'ministerpräsident', 'ministerpräsidentin', 'abgeordneter', 'abgeordnete',
  'stadtrat', 'stadträtin', 'landrat', 'landrätin', 'bischöfin',
  // Romance
  'fundador', 'fundadora', 'director', 'directora', 'directeur', 'directrice', 'direttore', 'direttrice',
  'fondateur', 'fondatrice', 'fondatore', 'fondatrice', 'cofundador', 'cofundadora', 'periodista', 'periodistă',
  'journaliste', 'giornalista', 'jornalista', 'escritor', 'escritora', 'écrivain', 'scrittore', 'scrittrice',
  'autora', 'auteur', 'autore', 'autrice', 'investigador', 'investigadora', 'chercheur', 'chercheuse',
  'ricercatore', 'ricercatrice', 'profesor', 'profesora', 'professeur', 'professore', 'professoressa',
  'presidente', 'président', 'présidente', 'coordinador', 'coordinadora', 'responsable', 'consejero',
  'conseller', 'consigliere', 'membre', 'membro', 'miembro', 'experto', 'experta', 'esperto', 'esperta',
  'desarrollador', 'développeur', 'sviluppatore', 'ingeniero', 'ingénieur', 'ingegnere', 'diseñador',
  'parapsicólogo', 'médico', 'médecin', 'abogado', 'avocat', 'avvocato', 'alcalde', 'maire', 'sindaco',
  'caporedattore', 'caporedattrice', 'caposervizio', 'assessore', 'assessora', 'redattore', 'redattrice',
  // Nordic, Dutch, Czech, Polish
  'stifter', 'grundlægger', 'direktør', 'leder', 'forfatter', 'journalist', 'forsker', 'lærer', 'skolelærer',
  'medlem', 'formand', 'grundare', 'chef', 'forskare', 'författare', 'oprichter', 'directeur', 'schrijver',
  'onderzoeker', 'hoogleraar', 'zakladatel', 'ředitel', 'ředitelka', 'autorka', 'novinář', 'novinářka',
  'lékárník', 'farmaceut', 'założyciel', 'dyrektor', 'dziennikarz', 'marszałek', 'prezes', 'kurucu',
  // The English roles above in other languages (historian, economist, scientist, psychologist, biologist, doctor,
  // lawyer, correspondent, entrepreneur, politician); German feminines in -in are read by isRoleWord.
  'historiador', 'historiadora', 'storico', 'storica', 'historien', 'historienne', 'historiker', 'historik',
  'historička', 'historicus', 'historyk', 'economista', 'économiste', 'ökonom', 'økonom', 'ekonom', 'econoom',
  'científico', 'científica', 'scienziato', 'scienziata', 'scientifique', 'cientista', 'vědec', 'vědkyně',
  'naukowiec', 'wetenschapper', 'psicólogo', 'psicóloga', 'psicologo', 'psicologa', 'psychologue', 'psychologe',
  'psykolog', 'psycholog', 'biólogo', 'bióloga', 'biologo', 'biologe', 'biolog', 'médica', 'medico', 'arzt',
  'ärztin', 'læge', 'läkare', 'lékař', 'lékařka', 'lekarz', 'abogada', 'advogado', 'advogada', 'avocate', 'anwalt',
  'anwältin', 'advokat', 'advokát', 'advokátka', 'advocaat', 'corresponsal', 'corrispondente', 'correspondant',
  'correspondante', 'korrespondent', 'empresario', 'empresaria', 'emprendedor', 'emprendedora', 'imprenditore',
  'imprenditrice', 'unternehmer', 'iværksætter', 'podnikatel', 'podnikatelka', 'ondernemer', 'político', 'política',
  'politico', 'politiker', 'politička', 'politicus', 'polityk',
  // Turkish (also as feeds write it without Turkish letters)
  'yazar', 'gazeteci', 'milletvekili', 'ressam', 'heykeltraş', 'heykeltras', 'hukukçu', 'hukukcu', 'akademisyen',
  'sanatçı', 'sanatci', 'müzisyen', 'muzisyen', 'yönetmen', 'yonetmen', 'oyuncu', 'şair', 
  'avukat', 'sosyolog', 'tarihçi', 'tarihci', 'siyasetçi', 'siyasetci', 'başkanı', 'baskani',
];

/** Titles people carry before their name; stripped into `honorific`. */
export const HONORIFICS = [
  'dr', 'dr.', 'prof', 'prof.', 'professor', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'mx', 'sir', 'dame', 'lord',
  'lady', 'rev', 'rev.', 'gov', 'gov.', 'governor', 'sen', 'sen.', 'senator', 'rep', 'rep.', 'representative',
  'ambassador', 'president', 'judge', 'justice', 'mayor', 'general', 'gen.', 'captain', 'capt.', 'col.',
  'herr', 'frau', 'dott', 'dott.', 'dottor', 'dottoressa', 'ing', 'ing.', 'don', 'doña', 'sr', 'sr.', 'sra', 'sra.',
  'mme', 'm.', 'mgr', 'mgr.', 'phdr', 'mudr', 'pharmdr', 'doc', 'doc.', 'rndr', 'judr', 'paeddr', 'mvdr', 'bc',
  'bc.', 'dipl.', 'dr.-ing.', 'dr.-ing',
  // Kinship words written before a (nick)name ("Uncle Bob", "Tante Emma"): a title, not part of the name.
  'uncle', 'aunt', 'auntie', 'grandma', 'grandpa', 'granny', 'onkel', 'tante', 'oncle', 'tío', 'tía', 'zio', 'zia',
  // Clergy ("Rev. Fr Tom Soroka", "Pastor Ada Byron")
  'fr', 'fr.', 'father', 'rabbi', 'imam', 'msgr', 'msgr.', 'monsignor', 'pfarrer', 'pfarrerin',
];

/** Credits: a name on such a line made the episode, it was not on it. */
export const CREDIT_WORDS = [
  'music', 'theme music', 'intro', 'outro', 'intro music', 'edited by', 'editing', 'audio editing', 'editor',
  'producer', 'produced by', 'production', 'executive producer', 'mixing', 'mixed by', 'mastering', 'engineered by',
  'sound', 'sound design', 'artwork', 'cover art', 'logo', 'transcript', 'transcription', 'show notes',
  'hosting', 'special thanks', 'thanks to', 'fact-checking', 'fact checking', 'research', 'photo', 'photo by',
  'musik', 'schnitt', 'produktion', 'produziert von', 'música', 'musique', 'musica', 'montage', 'réalisation',
  'producción', 'edición', 'produzione', 'hudba', 'muzyka',
];

/** Words that make a capitalised run an organisation, a place or a thing rather than a person. */
/**
 * Words for a person's pages, written after their name in link lists ("Ada Byron Blog: https://…", "Website von
 * Ada Byron"): they end or start a name's run of capitals without being part of it.
 */
export const PAGE_WORDS = [
  'blog', 'website', 'webseite', 'homepage', 'home', 'page', 'site', 'kontakt', 'contact', 'profil', 'profile',
  'newsletter', 'twitter', 'linkedin', 'github', 'gitlab', 'mastodon', 'youtube', 'instagram', 'xing', 'bluesky',
  'threads', 'facebook', 'tiktok', 'substack', 'medium', 'portfolio', 'links', 'link',
];

export const ORG_WORDS = [
  'university', 'universität', 'universidad', 'université', 'università', 'institute', 'institut', 'instituto',
  'college', 'school', 'academy', 'inc', 'inc.', 'ltd', 'llc', 'gmbh', 'ag', 'corp', 'company', 'foundation',
  'stiftung', 'fundación', 'fondation', 'association', 'society', 'club', 'group', 'labs', 'lab', 'team',
  'podcast', 'radio', 'news', 'show', 'times', 'post', 'journal', 'magazine', 'tv', 'fm', 'media', 'network',
  'conference', 'summit', 'congress', 'festival', 'award', 'awards', 'day', 'days', 'week', 'camp', 'meetup',
  'party', 'parti', 'partisi', 'partei', 'meclis', 'meclisi', 'council', 'committee', 'ministry', 'department', 'court', 'house', 'senate', 'parliament', 'union',
  'bank', 'trust', 'city', 'county', 'state', 'states', 'republic', 'kingdom', 'project', 'studio', 'studios',
  'games',
  'software', 'systems', 'technologies', 'cloud', 'app', 'apps', 'store', 'center', 'centre', 'museum',
  'library', 'hospital', 'church', 'street', 'avenue', 'park', 'river', 'island', 'mountain', 'war', 'edition',
  'episode', 'part', 'season', 'chapter', 'capítulo', 'folge', 'teil', 'partie', 'parte', 'special', 'bonus',
  'update', 'review', 'edition', 'series', 'vs', 'vs.', 'version', 'release', 'api', 'framework', 'protocol',
];

/**
 * Capitalised function words in many languages: they start sentences and fill Title Case titles, and never begin
 * or end a name. Particles that sit inside names (van, de, von, da, di, du, del, der, la, le, bin, ibn, al) may
 * stand in the middle of one; see PARTICLES.
 */
export const FUNCTION_WORDS = [
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'on', 'in', 'at', 'to', 'for', 'from', 'with', 'by', 'as', 'into',
  'about', 'over', 'after', 'before', 'vs', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'my', 'our', 'your',
  'their', 'his', 'her', 'its', 'how', 'what', 'why', 'when', 'who', 'where', 'which', 'this', 'that', 'these',
  'those', 'not', 'no', 'yes', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'we', 'you', 'i',
  'it', 'he', 'she', 'they', 'me', 'us', 'them', 'if', 'so', 'all', 'some', 'any', 'more', 'most', 'new', 'old',
  'part', 'episode', 'ep', 'bonus', 'special', 'live', 'interview', 'podcast', 'show', 'guest', 'guests', 'today',
  'tonight', 'here', 'there', 'now', 'then', 'also', 'just', 'only', 'plus', 'get', 'got', 'let', 'lets', 'let’s',
  "let's", 'one', 'two', 'three', 'first', 'last', 'next', 'every', 'each', 'why', 'up', 'out', 'off', 'down',
  'q', 'qa', 'q&a', 'faq', 'feat', 'ft', 'w', 'mr', 'ms', 'dr', 'prof', 'via', 'per', 'pro', 'con', 'non',
  // Section words: "Guest Bio and links:" names no one.
  'bio', 'bios',
  // German
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'und', 'oder', 'mit', 'von',
  'im', 'am', 'zu', 'zum', 'zur', 'wie', 'was', 'warum', 'wer', 'wo', 'ist', 'sind', 'für', 'über', 'auf', 'bei',
  'aus', 'nach', 'vor', 'um', 'an', 'als', 'auch', 'nicht', 'wir', 'ihr', 'sie', 'er', 'es', 'ich', 'du', 'folge',
  'teil', 'gast', 'heute', 'diese', 'dieser', 'dieses', 'unser', 'unsere',
  // Romance
  'el', 'la', 'los', 'las', 'lo', 'le', 'les', 'il', 'gli', 'un', 'una', 'uno', 'une', 'y', 'e', 'et', 'o', 'ou',
  'de', 'del', 'della', 'dello', 'dei', 'degli', 'delle', 'des', 'du', 'da', 'do', 'dos', 'das', 'di', 'al', 'au',
  'aux', 'en', 'con', 'avec', 'com', 'amb', 'por', 'para', 'pour', 'per', 'que', 'qui', 'che', 'cómo', 'como',
  'comment', 'qué', 'quoi', 'cosa', 'sur', 'sobre', 'su', 'sul', 'nel', 'nella', 'dans', 'entre', 'sin', 'sans',
  'senza', 'ce', 'cette', 'este', 'esta', 'questo', 'questa', 'nuestro', 'notre', 'nostro', 'capítulo', 'episodio',
  'épisode', 'programa', 'entrevista', 'intervista', 'especial', 'els', 'i', 'amb', 'hoy', 'ayer', 'oggi', 'ieri',
  'hoje', 'ontem', 'aujourd’hui', "aujourd'hui", 'yesterday', 'gestern', 'vandaag', 'idag', 'dzisiaj', 'dziś',
  // Nordic, Dutch, Slavic, Turkish
  'het', 'een', 'en', 'van', 'met', 'op', 'voor', 'og', 'med', 'och', 'af', 'av', 'den', 'det', 'på', 'til',
  'till', 'för', 'om', 'är', 'er', 'at', 'som', 'a', 's', 'se', 'z', 'ze', 'v', 've', 'na', 'o', 'do', 'od',
  'je', 'w', 'we', 'i', 'oraz', 'czy', 'jak', 'bir', 've', 'ile', 'için', 'haftanın', 'haftanin', 'konuk', 'konuğu',
  'konugu', 'konuğumuz',
  // Polish "you", capitalised in polite writing ("wyjaśnią Wam X")
  'wam', 'was', 'wami', 'państwu',
];

/** Lower-case particles allowed inside a name ("Martijn van Dijk", "Ursula von der Leyen", "Ibn al-Haytham"). */
export const PARTICLES = [
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten',
  'bin', 'ibn', 'al', 'el', 'y', 'zu', 'af', 'av', "d'", 'd’',
];

/** Prepositions before a capitalised run that make it a place or an organisation ("at Oceanlab", "in Berlin"). */
export const PLACE_BEFORE = [
  'in', 'at', 'from', 'of', 'to', 'into', 'near', 'across', 'around', 'bei', 'aus', 'im', 'nach', 'en', 'à', 'au',
  'dans', 'desde', 'hacia', 'a', 'ad', 'nel', 'nella', 'på', 'i', 'fra', 'från', 'uit', 'naar', 'w', 've', 'v',
  'about', 'using', 'use', 'on', 'for', 'the', 'das', 'die', 'der', 'el', 'la', 'le', 'il', 'los', 'las',
];

/**
 * Words that present the name after them at the start of a line or title ("Welcome Ada Byron", "Featuring Ada
 * Byron"), point to it ("Find Ada Byron online at …") or remember them ("Remembering Ada Byron"): a run that starts
 * with one stands for the name after it.
 */
export const PRESENTING = [
  'welcome', 'welcomes', 'welcoming', 'introducing', 'featuring', 'starring', 'presenting', 'meet', 'meeting', 'follow',
  'find', 'remembering', 'honoring', 'honouring', 'celebrating',
];

/**
 * Demonstratives: a name right after one names a thing — "in this Quick Bite", "diese Folge" (a segment, a product,
 * an episode) — never a person. No guest of either corpus split follows one (17 candidates do, none a guest). Not
 * "that" ("the language that Ada Byron wrote") nor "dit" (French "said").
 */
export const DEMONSTRATIVES = ['this', 'these', 'those', 'dieser', 'diese', 'dieses', 'ce', 'cet', 'cette', 'este', 'esta', 'questo', 'questa', 'deze'];

/** Lines that name who hosts the show. */
export const HOST_LINE_WORDS = [
  'host', 'hosts', 'hosted by', 'your host', 'your hosts', 'moderation', 'moderiert von', 'moderator',
  'moderatorin', 'présenté par', 'animé par', 'presentado por', 'conducido por', 'presenta', 'conduce',
  'vært', 'värd', 'programleder', 'presentator', 'gastheer', 'prowadzący', 'moderuje',
];

/**
 * Given names and their everyday forms, one group per line of use ("Robert Ambrogi" is introduced as "Bob Ambrogi"):
 * a host written so in the notes is still the host, and a guest is named by the full form the text also writes.
 */
export const GIVEN_NAME_FORMS = [
  'robert bob rob robbie bobby', 'william bill will billy', 'james jim jimmy jamie', 'michael mike mikey mick',
  'thomas tom tommy', 'david dave davey', 'daniel dan danny', 'christopher chris', 'christine chris chrissy',
  'matthew matt', 'nicholas nick nicky', 'joseph joe joey', 'anthony tony', 'steven steve', 'stephen steve',
  'andrew andy drew', 'benjamin ben benny', 'alexander alex', 'alexandra alex sasha', 'katherine kate katie kathy',
  'catherine cathy kate', 'elizabeth liz beth betty lizzie', 'jennifer jen jenny', 'samuel sam sammy',
  'samantha sam', 'patrick pat', 'patricia pat patty trish', 'richard rick rich dick richie', 'edward ed ted eddie',
  'charles charlie chuck', 'gregory greg', 'jeffrey jeff', 'timothy tim timmy', 'peter pete', 'kenneth ken kenny',
  'lawrence larry', 'gerald jerry', 'donald don donnie', 'ronald ron ronnie', 'frederick fred freddie',
  'henry hank harry', 'margaret maggie meg peggy', 'susan sue suzy', 'victoria vicky tori', 'rebecca becky',
  'abigail abby', 'nathaniel nate nat', 'nathan nate', 'zachary zach zack', 'joshua josh', 'jacob jake',
  'theodore theo ted', 'jonathan jon', 'johnathan jon', 'douglas doug', 'raymond ray', 'gabriel gabe',
  'francisco paco', 'josé pepe', 'manuel manolo', 'giuseppe peppe', 'francesco checco', 'wolfgang wolf',
  'tomasz tomek', 'piotr piotrek', 'jakub kuba', 'krzysztof krzysiek', 'wojciech wojtek', 'katarzyna kasia',
  'małgorzata gosia', 'aleksander olek', 'johannes hannes', 'alexandr sasha', 'aleksandr sasha', 'dmitry dima',
];
