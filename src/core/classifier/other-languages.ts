/**
 * The words of asking and of project work in the languages teams mix into their English (German,
 * French, Portuguese, Spanish) and in Indian English's set phrases, read as English: "kannst du bitte
 * die Agenda rumschicken?" is "can you please send the agenda?", "vc pode montar o cronograma?" is
 * "can you build the schedule?". The rules then find the request and the work as they would in English.
 *
 * Lower-case normalised text in, the same text with those words in English out. Only whole words are
 * replaced (letters of any alphabet count as word letters, so "Zeitplan" is not "plan").
 */

/** [foreign words, English]; longer phrases first within a language so they win over their parts. */
const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  // --- asking, offering, handing over ---------------------------------------------------------------
  // German
  ['kannst du bitte|kannste bitte|kannst du|kannste|machst du', 'can you please'],
  ['könntest du bitte|koenntest du bitte|könntest du|koenntest du|würdest du|wuerdest du', 'could you please'],
  ['hast du zeit', 'do you have time to'],
  ['wäre super wenn du|waere super wenn du|wäre toll wenn du|wäre gut wenn du', "it'd be great if you could"],
  ['kümmerst du dich um|kuemmerst du dich um|kümmer dich um', 'can you take care of'],
  ['mach ich|mache ich|übernehme ich|uebernehme ich|kann ich machen|ich mach das|ich mache das', "i'll do it"],
  ['ich kümmere mich um|ich kuemmere mich um|ich übernehme|ich uebernehme|ich mache|ich mach', "i'll do"],
  ['übernimm|uebernimm', 'take over'],
  ['ich brauche|ich brauch', 'i need'],
  ['bitte', 'please'],
  // French
  ['est-ce que tu peux|tu pourrais|pourrais-tu|pourriez-vous|vous pourriez|tu peux|peux-tu|tu veux bien|vous pouvez', 'could you'],
  ["je m'en occupe|je m'en charge|je m’en occupe", "i'll do it"],
  ["merci de|s'il te plaît|s'il te plait|s'il vous plaît|s'il vous plait|stp|svp", 'please'],
  ["c'est pour toi|c'est à toi|c'est a toi", "it's yours"],
  // Portuguese
  ['deixa comigo|pode deixar|eu faço|eu faco|eu cuido|fico eu com isso|fico eu com|fico com isso|eu fico com isso|eu fico com', 'leave it with me'],
  ['você consegue|voce consegue|vc consegue|consegue|você pode|voce pode|vc pode|vocês podem|voces podem|vcs podem|podes|pode', 'can you'],
  ['você poderia|voce poderia|vc poderia|poderia', 'could you'],
  ['é contigo|e contigo|tá contigo|ta contigo|fica contigo|fica com você|fica com voce', 'is yours'],
  ['lembra de|lembre de|não esquece de|nao esquece de', 'remember to'],
  ['dá uma olhada|da uma olhada', 'have a look at'],
  ['combinado', 'ok'],
  ['por favor|pfv|pf', 'please'],
  // Spanish
  ['me ayudas con|me echas una mano con', 'can you help with'],
  ['puedes|podrías|podrias|pueden|podés', 'can you'],
  ['te encargas de|te encargas', 'can you handle'],
  ['yo me encargo|me encargo', "i'll handle it"],
  ['acuérdate de|acuerdate de', 'remember to'],
  ['porfa|porfis', 'please'],
  // (A second-person verb asked as a question is a request: "¿me mandas el detalle?", "¿lo coordinas?".)
  ['te puedes hacer cargo|puedes hacerte cargo|te haces cargo|te lo llevas tú|te lo llevas tu|te lo llevas|lo tomas|la tomas|te animas a|te animás a', 'can you take on'],
  ['te toca', "it's your turn to do"],
  ['necesito que me|necesito que', 'i need you to'],
  ['me mandas|me envías|me envias|la mandas|lo mandas|mandas|envías|envias', 'can you send'],
  ['actualizas', 'can you update'],
  ['lo coordinas|la coordinas|coordinas', 'can you coordinate'],
  ['lo gestionas|la gestionas|gestionas', 'can you handle'],
  ['me armas|armas', 'can you put together'],
  ['organizas', 'can you organise'],
  ['lo agendas|la agendas|me agendas', 'can you schedule'],
  ['lo ves tú|lo ves tu', 'can you handle it'],
  ['yo me lo llevo|me lo llevo|me hago cargo|déjamelo|dejamelo|dejámelo|dejen conmigo|déjalo conmigo|dejalo conmigo|yo lo hago|yo lo veo', "i'll do it"],
  ['yo armo', "i'll put together"],
  ['yo les escribo|yo le escribo', "i'll chase them"],
  // Tagalog and Taglish ("pakisend naman yung timeline", "pwede ikaw mag-facilitate?")
  ['pakisend|paki-send|paki send', 'please send'],
  ['pakicheck|paki-check|paki check|pa-check|pacheck', 'please check'],
  ['pakiupdate|paki-update|paki update', 'please update'],
  ['pakibook|paki-book|paki book', 'please book'],
  ['paki-follow up|pakifollow up|paki follow up', 'please follow up'],
  ['paki', 'please'],
  ['pwede mo bang|pwede ka bang|pwede ka ba|pwede ikaw|pwede ba|pwede', 'can you'],
  ['ikaw na lang|ikaw na bahala|ikaw na', "it's yours to"],
  ['ako na lang|ako na bahala|ako na', "i'll do it"],
  ['mag-follow up|mag follow up|mag-follow-up', 'follow up'],
  ['naman', ''],
  ['yung|ang', 'the'],
  // Swahili ("naomba you update the timeline", "tafadhali send the invite")
  ['tafadhali|naomba|pliz|plis', 'please'],
  ['unaweza|mnaweza', 'can you'],
  ['nitafanya|nitashughulikia|niachie', "i'll do it"],
  // Hindi and Hinglish ("zara timeline update kar do", "main dekh lunga")
  ['main kar dunga|mai kar dunga|main kar lunga|mai kar lunga|main kar deti|main karti hoon|main dekh lunga|mai dekh lunga|main dekh leti', "i'll do it"],
  ['kya tum|kya aap', 'can you'],
  ['kar do|kardo|kar dena|kar dijiye|kar dijiyega|kar lo|karlo', 'please'],
  ['zara|jaldi', 'please'],
  ['dekh lo|dekh lena|dekh lijiye', 'please look at it'],
  // Rioplatense Spanish ("dale, la corro yo", "¿te encargás de …?", "me pongo yo a coordinar …")
  ['te encargás de|te encargás|te ocupás de|te ocupás', 'can you handle'],
  ['yo me ocupo de|yo me ocupo|me ocupo de|me ocupo|la corro yo|lo corro yo|me pongo yo a|me pongo yo|pongo yo|lo dejo conmigo|la dejo conmigo|dejámelo a mí|yo lo llevo', "i'll do"],
  ['órdenes de compra|ordenes de compra|orden de compra|oc', 'purchase order'],
  ['cotización|cotizacion', 'quote'],
  ['licencias', 'licences'],
  ['recordatorio', 'reminder'],
  ['seguimiento semanal', 'weekly follow-up'],
  // French ("je prends la relance de …", "je gère le suivi …")
  ['je prends|je gère|je gere|je m’occupe de|je m\'occupe de|je me charge de', "i'll do"],
  ['la relance|relancer|relancé|relance', 'chase'],
  ['le suivi des|le suivi de|le suivi', 'the follow-up of'],
  ['pénalités|penalites', 'penalties'],
  // Dutch and Afrikaans ("kun jij de kick-off inplannen?", "kan jy asseblief … invul?")
  ['kun jij|kan jij|zou jij|wil jij|kan jy|sal jy|kun je|kan je|zou je', 'can you'],
  ['asseblief|alsjeblieft|alstublieft|aub', 'please'],
  ['inplannen|plannen|inplan', 'schedule'],
  ['ik doe het|ik pak het op|ik regel het|ek sal dit doen|los dit vir my', "i'll do it"],
  // Nigerian Pidgin ("I go handle the vendor chase", "make I hold the checklist", "I fit take am")
  ['i go handle|i go take|i go reconcile|i go chase|i go sort|i go run|i go book|i go send|make i hold|make i handle|make i take|i fit take am|i fit handle am|i dey raise am|i dey on am', "i'll do"],
  // Hebrew, romanised ("at yechola lakachat et …?", "etmol: … hayom: …")
  ['at yechola|ata yachol|at yecholá|tuchal|tuchli', 'can you'],
  ['etmol', 'yesterday'],
  ['hayom', 'today'],
  // Mandarin pinyin ("ni neng fa yi xia meeting invite ma?", "zuotian: … jintian: …")
  ['ni neng|ni keyi|ni lai|nin neng|ni bang wo|bang wo', 'can you'],
  ['wo lai chuli|wo lai|wo chuli', "i'll do it"],
  ['zuotian', 'yesterday'],
  ['jintian', 'today'],
  ['meiyou', 'none'],
  // Kannada-English ("agenda kaLsi please", "naane maadtini")
  ['naane maadtini|naanu maadtini|naane maadtheeni', "i'll do it"],
  ['kaLsi|kalsi|kodi', 'send'],
  // Korean: a request ends the sentence ("… 정리해 주세요", "… 작성해 주실 수 있나요?"); nouns come first.
  ['해 주실 수 있나요|해주실 수 있나요|해 주실 수 있을까요|해주실 수 있을까요|주실 수 있나요|주실 수 있을까요|주실 수 있어요|해 주세요|해주세요|주세요|부탁드려요|부탁드립니다|부탁해요', 'can you please'],
  ['맡아주실 수 있어요|맡아 주실 수 있어요|맡아주실 수 있나요|맡아 주세요|맡아주세요', 'can you take on'],
  ['제가 할게요|제가 할께요|제가 하겠습니다|제가 맡을게요|제가 잡을게요|할게요|할께요|잡을게요|맡을게요', "i'll do it"],
  ['넵 알겠습니다|네 알겠습니다|알겠습니다|넵', 'ok'],
  ['회의|미팅', 'meeting'],
  ['안건', 'agenda'],
  ['일정', 'schedule'],
  ['타임시트', 'timesheets'],
  ['리스크 목록|리스크 리스트|위험 목록', 'risk log'],
  ['상태 보고서|상태 보고', 'status report'],
  ['계약서', 'contract'],
  ['마감일', 'deadlines'],
  ['업데이트', 'update'],
  ['어제', 'yesterday'],
  ['오늘', 'today'],
  ['없음', 'none'],
  // Finnish ("voisitko päivittää riskilistan?", "mä hoidan laskujen jahtaamisen")
  ['voisitko|voitko|ehtisitkö|ehditkö|muistatko|laittaisitko|laitatko|hoitaisitko|hoidatko|päivittäisitkö|päivitätkö', 'can you'],
  ['mä hoidan|minä hoidan|hoidan sen|hoidan|mä otan|otan|teen sen', "i'll do"],
  ['kalenteriin', 'on the calendar'],
  ['suunnittelupalaverin|suunnittelupalaveri', 'planning meeting'],
  ['-palaverin|palaverin|palaveri|palaverit', 'meeting'],
  ['riskilistan|riskilista', 'risk log'],
  ['laskujen|laskut|laskun', 'invoices'],
  ['jahtaamisen|jahtaaminen|jahtaa', 'chase'],
  ['päivittää', 'update'],
  ['järjestelyt', 'arrangements'],
  // Polish ("możesz ogarnąć kickoff z dostawcą?", "jasne, ogarnę")
  ['czy możesz|możesz|mozesz|możecie|mógłbyś|mogłabyś|dasz radę|dasz rade', 'can you'],
  ['ogarnąć|ogarnac|ogarniesz', 'sort out'],
  ['ogarnę|ogarne|zrobię|zrobie|zajmę się|zajme sie|wezmę to|wezme to', "i'll do it"],
  ['wyślę|wysle', "i'll send"],
  ['zaproszenie|zaproszenia', 'invite'],
  ['dostawcą|dostawca|dostawcy', 'vendor'],
  ['spotkanie|spotkania', 'meeting'],
  ['faktury|fakturę|faktura', 'invoice'],
  ['wczoraj', 'yesterday'],
  ['dzisiaj|dziś', 'today'],
  // Nigerian Pidgin ("no wahala, I dey there")
  ['i dey there|i go do am|i fit do am', "i'll do it"],
  // Swiss German, Welsh and Telugu standup words ("Gescht: … Hüt: …", "Ddoe: … Heddiw: …", "ninna: … ivvala: …")
  ['gescht|geschter|ddoe|ninna', 'yesterday'],
  ['hüt|heddiw|ivvala|eeroju', 'today'],
  ['keini|dim rhwystrau', 'none'],
  ['nachfrööge|nachfrooge', 'chase'],
  // Indian English set phrases
  ['do the needful', 'handle it'],
  ['kindly|abeg|pretty please', 'please'],
  // --- standups ---------------------------------------------------------------------------------------
  ['qué hiciste ayer|que hiciste ayer|qué hiciste|que hiciste|qué hicieron|que hicieron', 'what did you do'],
  ['qué harás hoy|que haras hoy|qué harás|que haras|qué vas a hacer hoy|que vas a hacer hoy|qué vas a hacer|que vas a hacer', 'what will you do'],
  ['ayer|gestern|hier|ontem|kal', 'yesterday'],
  ['aaj', 'today'],
  ['kuch nahi|kuchh nahi|nada|nothing po', 'none'],
  ["hoy|heute|aujourd'hui|hoje", 'today'],
  ['bloqueos|bloqueadores|blocker|bloqueios|blocages', 'blockers'],
  ['kurzes update|kurzes standup|kurzes stand-up', 'quick update'],
  ['erledigt', 'done'],
  // --- texting shorthand for the work ---------------------------------------------------------------
  ['upd|updt', 'update'],
  ['mtg|mtgs', 'meeting'],
  ['sched', 'schedule'],
  ['reqs', 'requirements'],
  ['rpt', 'report'],
  // --- the work ---------------------------------------------------------------------------------------
  // German
  ['lizenzverlängerung|lizenzverlaengerung|vertragsverlängerung|vertragsverlaengerung', 'licence renewal'],
  ['lizenzen|lizenz', 'licence'],
  ['maßnahmenliste|massnahmenliste|aktionsliste|to-do-liste', 'action items list'],
  ['abnahmeprotokolle|abnahmeprotokoll|protokolle', 'minutes'],
  ['lenkungsausschuss|steuerkreis', 'steering committee'],
  ['projektplan', 'project plan'],
  ['einsammeln', 'collect'],
  ['anstoßen|anstossen', 'start'],
  ['termine', 'dates'],
  ['jalonnement|jalons', 'milestones'],
  ['terminübersicht|terminuebersicht|zeitplan|terminplan', 'schedule'],
  ['protokoll', 'minutes'],
  ['tagesordnung', 'agenda'],
  ['besprechung|lenkungskreis', 'meeting'],
  ['raumbuchung', 'room booking'],
  ['räume|raeume', 'rooms'],
  ['raum', 'room'],
  ['reisekosten', 'travel costs'],
  ['lieferanten|lieferant', 'vendor'],
  ['vertrag', 'contract'],
  ['bestellnummer|bestellung', 'purchase order'],
  ['rechnungen|rechnung', 'invoice'],
  ['risikoliste|risikoregister|risikolog', 'risk register'],
  ['meilensteine', 'milestones'],
  ['abhängigkeiten|abhaengigkeiten', 'dependencies'],
  ['ressourcenplan|kapazitätsplan|kapazitaetsplan', 'resourcing plan'],
  ['teilnehmerliste', 'attendee list'],
  ['einladungen|einladung', 'invites'],
  ['verschicken|rumschicken|schicken|versenden', 'send'],
  ['aktualisieren', 'update'],
  ['nachfassen|nachhaken', 'chase'],
  ['buchen', 'book'],
  ['koordinieren|koordiniert', 'coordinate'],
  ['freigabe|freigeben', 'approval'],
  ['angebot', 'quote'],
  ['statusbericht', 'status report'],
  ['nachverfolgung', 'follow-up'],
  // French
  ['tableau des risques|registre des risques', 'risk register'],
  ['compte rendu|compte-rendu', 'minutes'],
  ['ordre du jour', 'agenda'],
  ['calendrier', 'calendar'],
  ['fournisseurs|fournisseur', 'vendor'],
  ['contrat', 'contract'],
  ['devis', 'quote'],
  ['bon de commande', 'purchase order'],
  ['réunion|reunion', 'meeting'],
  ['salle', 'room'],
  ['relancer', 'chase'],
  ['mettre à jour|mettre a jour', 'update'],
  ['suivi des actions', 'follow-up of the action items'],
  ['réserver|reserver', 'book'],
  ['envoyer', 'send'],
  ['organiser', 'organise'],
  ['factures|facture', 'invoice'],
  // Portuguese
  ['cronograma', 'schedule'],
  ['ata da reunião|ata da reuniao|ata', 'minutes'],
  ['pauta', 'agenda'],
  ['lista de presença|lista de presenca', 'attendance list'],
  ['planilha de horas|apontamento de horas', 'timesheet'],
  ['passagens', 'flights'],
  ['reunião|reuniao', 'meeting'],
  ['orçamento|orcamento', 'budget'],
  ['fornecedores|fornecedor', 'vendor'],
  ['prazos|prazo', 'deadline'],
  ['convites|convite', 'invites'],
  ['quadro de alocação|quadro de alocacao|alocação|alocacao', 'resourcing plan'],
  ['acompanhamento', 'follow-up'],
  ['cobrar|cobra', 'chase'],
  ['atualizar|atualiza', 'update'],
  ['preparar|prepara', 'prepare'],
  ['organizar|organiza', 'organise'],
  ['reservar|reserva', 'book'],
  ['marcar', 'schedule'],
  ['enviar|manda|mandar', 'send'],
  ['aditivo', 'contract amendment'],
  ['riscos', 'risks'],
  // Spanish
  ['acta|minuta', 'minutes'],
  ['presupuesto', 'budget'],
  ['proveedores|proveedor', 'vendor'],
  ['contrato', 'contract'],
  ['facturas|factura', 'invoice'],
  ['invitaciones|invitación|invitacion', 'invites'],
  ['riesgos', 'risks'],
  ['actualizar', 'update'],
  ['seguimiento', 'follow-up'],
  ['plazos', 'deadlines'],
  ['orden de compra', 'purchase order'],
  ['informe de estado|reporte de estado|informe de avance|reporte de avance|status semanal', 'status report'],
  ['semáforo|semaforo', 'rag status'],
  ['hitos', 'milestones'],
  ['fechas', 'dates'],
  ['está libre|esta libre|están libres|estan libres|está disponible|esta disponible', 'is free'],
  ['quién|quien', 'who'],
  ['responsables', 'owners'],
  ['planilla de riesgos|matriz de riesgos|registro de riesgos', 'risk register'],
  ['lo presupuestado', 'the budget'],
  ['gastos', 'spend'],
  ['viaje', 'travel'],
  ['vuelos', 'flights'],
  ['alojamiento|hospedaje', 'accommodation'],
  ['tablero', 'board'],
  ['estados de los tickets|estado de los tickets', 'ticket statuses'],
  ['agendado|agendada|agendar', 'scheduled'],
  ['puesta en marcha', 'go-live'],
  ['la reu|reunión de|reu', 'meeting'],
  ['perseguir', 'chase'],
];

/** What a glossary word is made of: letters of any alphabet, apostrophes and hyphens. */
const WORD_CHARS = "\\p{L}'’-";

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ENTRIES = GLOSSARY.map(([foreign, english]) => ({
  re: new RegExp(`(?<![${WORD_CHARS}])(?:${foreign.split('|').map(escape).join('|')})(?![${WORD_CHARS}])`, 'gu'),
  english,
}));

/** Any of the glossary's words: most lines have none, and are returned untouched. */
const ANY = new RegExp(`(?<![${WORD_CHARS}])(?:${GLOSSARY.flatMap(([foreign]) => foreign.split('|')).map(escape).join('|')})(?![${WORD_CHARS}])`, 'u');

/** What separates words for the glossary. */
const NON_WORD = new RegExp(`[^${WORD_CHARS}]+`, 'u');

/** A phrase's first word, or its first two ("i dey there" starts with "i dey", not just "i"). */
function keyOf(phrase: string): string {
  return phrase.split(' ').slice(0, 2).join(' ');
}

/** Each entry's keys: a phrase starts a word, so an entry can only match a line holding one of them. */
const KEYS_OF_ENTRY = GLOSSARY.map(([foreign]) => [...new Set(foreign.split('|').map(keyOf))]);

/** True when every phrase is words of letters, apostrophes and hyphens, one space apart: what {@link keyOf} relies on. */
export function glossaryPhrasesAreWords(): boolean {
  return GLOSSARY.every(([foreign]) => foreign.split('|').every((phrase) => phrase.split(' ').every((word) => word.length > 0 && !NON_WORD.test(word))));
}

/** The line's words and pairs of adjacent words. */
function keysIn(text: string): Set<string> {
  const words = text.split(NON_WORD);
  const keys = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) keys.add(`${words[i]} ${words[i + 1]}`);
  return keys;
}

/**
 * The line with the glossary's words in English (lower-case normalised text in and out). Entries are
 * applied in order, as a replacement may make a later one match; an entry none of whose phrases can
 * start at a word of the line as it stands is skipped (checking a key is far cheaper than a regex).
 */
export function inEnglish(text: string): string {
  if (!ANY.test(text)) return text;
  let out = text;
  let keys = keysIn(out);
  for (let index = 0; index < ENTRIES.length; index++) {
    if (!KEYS_OF_ENTRY[index].some((key) => keys.has(key))) continue;
    const replaced = out.replace(ENTRIES[index].re, ENTRIES[index].english);
    if (replaced !== out) {
      out = replaced;
      keys = keysIn(out);
    }
  }
  return out;
}
