using System.Text.RegularExpressions;

namespace ClosureBot.Understanding;

/// <summary>
/// Spanish, French, German and Portuguese interruptions, written from each language's training part of the corpus.
/// Short patterns: a match is the whole message when the message is a few words long. Order matters: first match wins.
/// The patterns are interpreted, not source-generated: see <see cref="IntentRule"/>.
/// </summary>
internal static class OtherLanguageIntents
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string Later = @"factura|fatura|facture|rechnung|datos|dados|donn[ée]es|daten|cobr|recuper|\?";

    public static readonly IntentRule[] Spanish =
    [
        IntentRule.Whole(MessageKind.Cancel, SpanishCancel1()),
        IntentRule.Short(MessageKind.Cancel, SpanishCancel2()),
        IntentRule.Short(MessageKind.TermCommitment, SpanishTermCommitment1()),
        IntentRule.Whole(MessageKind.Status, SpanishStatus0()),
        IntentRule.Short(MessageKind.Start, SpanishStart1()),
        IntentRule.Whole(MessageKind.Back, SpanishBack1()),
        IntentRule.Whole(MessageKind.Start, SpanishRestart1()),
        IntentRule.Short(MessageKind.Support, SpanishSupport1()),
        IntentRule.Short(MessageKind.Help, SpanishHelp1()),
        IntentRule.Short(MessageKind.Status, SpanishStatus1()),
        IntentRule.Short(MessageKind.CheckAgain, SpanishCheckAgain1(), unless: SpanishCheckAgain1Unless()),
        IntentRule.Short(MessageKind.RemindLater, SpanishRemindLater1(), unless: SpanishRemindLater1Unless()),
    ];

    public static readonly IntentRule[] French =
    [
        IntentRule.Whole(MessageKind.Cancel, FrenchCancel1()),
        IntentRule.Short(MessageKind.Cancel, FrenchCancel2()),
        IntentRule.Short(MessageKind.TermCommitment, FrenchTermCommitment1()),
        IntentRule.Whole(MessageKind.Status, FrenchStatus0()),
        IntentRule.Short(MessageKind.Start, FrenchStart1()),
        IntentRule.Whole(MessageKind.Back, FrenchBack1()),
        IntentRule.Whole(MessageKind.Start, FrenchRestart1()),
        IntentRule.Short(MessageKind.Support, FrenchSupport1()),
        IntentRule.Short(MessageKind.Help, FrenchHelp1(), unless: FrenchHelp1Unless()),
        IntentRule.Short(MessageKind.Status, FrenchStatus1()),
        IntentRule.Short(MessageKind.CheckAgain, FrenchCheckAgain1(), unless: FrenchCheckAgain1Unless()),
        IntentRule.Short(MessageKind.RemindLater, FrenchRemindLater1(), unless: FrenchRemindLater1Unless()),
    ];

    public static readonly IntentRule[] German =
    [
        IntentRule.Whole(MessageKind.Cancel, GermanCancel1()),
        IntentRule.Short(MessageKind.Cancel, GermanCancel2()),
        IntentRule.Short(MessageKind.TermCommitment, GermanTermCommitment1()),
        IntentRule.Whole(MessageKind.Status, GermanStatus0()),
        IntentRule.Short(MessageKind.Start, GermanStart1()),
        IntentRule.Whole(MessageKind.Back, GermanBack1()),
        IntentRule.Whole(MessageKind.Start, GermanRestart1()),
        IntentRule.Short(MessageKind.Support, GermanSupport1()),
        IntentRule.Short(MessageKind.Help, GermanHelp1(), unless: GermanHelp1Unless()),
        IntentRule.Short(MessageKind.Status, GermanStatus1()),
        IntentRule.Short(MessageKind.CheckAgain, GermanCheckAgain1()),
        IntentRule.Short(MessageKind.RemindLater, GermanRemindLater1(), unless: GermanRemindLater1Unless()),
    ];

    public static readonly IntentRule[] Portuguese =
    [
        IntentRule.Whole(MessageKind.Cancel, PortugueseCancel1()),
        IntentRule.Short(MessageKind.Cancel, PortugueseCancel2()),
        IntentRule.Short(MessageKind.TermCommitment, PortugueseTermCommitment1()),
        IntentRule.Whole(MessageKind.Status, PortugueseStatus0()),
        IntentRule.Short(MessageKind.Start, PortugueseStart1()),
        IntentRule.Whole(MessageKind.Back, PortugueseBack1()),
        IntentRule.Whole(MessageKind.Start, PortugueseRestart1()),
        IntentRule.Short(MessageKind.Support, PortugueseSupport1()),
        IntentRule.Short(MessageKind.Help, PortugueseHelp1()),
        IntentRule.Short(MessageKind.Status, PortugueseStatus1()),
        IntentRule.Short(MessageKind.CheckAgain, PortugueseCheckAgain1(), unless: PortugueseCheckAgain1Unless()),
        IntentRule.Short(MessageKind.RemindLater, PortugueseRemindLater1(), unless: PortugueseRemindLater1Unless()),
    ];

    private static Regex SpanishTermCommitment1() => new(@"(?<!\bno\s+)\b(tenemos|tengo|firmamos|estamos\s+(en|bajo))\s+(un|una|el)?\s*(contrato|compromiso(\s+de\s+permanencia)?|permanencia)\b|\b(nuestro|mi)\s+(contrato|compromiso)\s+(vence|termina|dura|acaba|es\s+hasta)\b", Options);

    private static Regex FrenchTermCommitment1() => new(@"\b(nous\s+avons|on\s+a|j'?ai|nous\s+sommes\s+sous|on\s+est\s+sous)\s+(un|une|le)?\s*(contrat|engagement)\b|\b(notre|mon)\s+(contrat|engagement)\s+(se\s+termine|court|expire|dure|va\s+jusqu)", Options);

    private static Regex GermanTermCommitment1() => new(@"\b(wir\s+haben|ich\s+habe|wir\s+sind\s+an)\s+(noch\s+)?(einen|eine|den)\s+((?!kein)\w+\s+)?(cloud-?)?(\w*vertrag|vertragsbindung|mindestlaufzeit|laufzeitbindung|laufzeit)\b|\b(unser|mein)\s+vertrag\s+(l[äa]uft|endet|geht|gilt)\b", Options);

    private static Regex PortugueseTermCommitment1() => new(@"(?<!\bn[ãa]o\s+)\b(temos|tenho|assinamos)\s+(um|uma|o)?\s*(contrato|compromisso|fidelidade)\b|\b(nosso|meu)\s+(contrato|compromisso)\s+(vence|termina|dura|acaba|vai\s+at[ée])\b", Options);

    private static Regex SpanishCancel1() => new(@"^(cancelar|cancela|para|parar|det[ée]n|detener|salir|basta|olv[íi]dalo.*|d[ée]jalo.*)([\s,]+(todo|ya|eso|ahora))*[\s!.]*$", Options);

    private static Regex SpanishCancel2() => new(@"\b(cambi[ée]\s+de\s+opini[óo]n|he\s+cambiado\s+de\s+opini[óo]n|ya\s+no\s+quiero|no\s+quiero\s+(cerrar|eliminar|borrar|cancelar|dar\s+de\s+baja)|no\s+quiero\s+que\s+(se\s+)?(cierr|elimin|borr|cancel)[ea]n?|mejor\s+no|(anular|cancelar|retirar)\s+(mi|la|nuestra|esta)\s+solicitud)\b", Options);

    private static Regex SpanishStart1() => new(@"\b(cerrar|cerar|cierro|cancelar|cancelo|eliminar|elimino|borrar|borro|dar\s+de\s+baja|desactivar|desactivo|deshacer(me|nos)?)\b.{0,30}\b(cuentas?|suscripci[óo]n(es)?)\b|\bdar(me)?\s+de\s+baja\b|\bcierre\s+de\s+(la\s+)?cuenta\b"
        + @"|\b(ya\s+no|no)\s+(necesito|necesitamos|uso|usamos|utilizo|utilizamos)\s+(m[áa]s\s+)?((la|mi|nuestra|esta|esa)\s+)?cuenta\b", Options);

    private static Regex SpanishSupport1() => new(@"\b((?<!(plan|contrato|paquete|nivel|suscripci[óo]n)\s+de\s+)soporte|agente|humano|una\s+persona|alguien|atenci[óo]n\s+al\s+cliente|operador|asesor)\b", Options);

    private static Regex SpanishHelp1() => new(@"^(ayuda|ay[úu]dame|ay[úu]denme|socorro)\b|\b(necesito\s+ayuda|no\s+s[ée]\s+qu[ée]\s+hacer|no\s+entiendo|qu[ée]\s+(hago|debo\s+hacer)|me\s+(puedes\s+|podr[íi]as\s+)?ayuda(s|r|n)?|puedes\s+ayudarme|estoy\s+(perdid|confundid)[oa])\b", Options);

    private static Regex SpanishStatus1() => new(@"\b(estado|progreso|d[óo]nde\s+(estaba|estoy|estamos|nos\s+quedamos)|qu[ée]\s+(me\s+|nos\s+)?(todav[íi]a\s+|a[úu]n\s+)?(falta|queda)|en\s+qu[ée]\s+paso|(paso\s+)?siguiente(\s+paso)?|pr[óo]ximo\s+paso|qu[ée]\s+(paso\s+)?sigue|hasta\s+d[óo]nde\s+(llegu[ée]|he\s+llegado|llegamos|hemos\s+llegado)|qu[ée]\s+(he|hemos)\s+hecho(\s+(ya|hasta\s+ahora))?|cu[áa]nt[oa]s\s+(\w+\s+){0,2}?(quedan|faltan|restan)|cu[áa]nt[oa]s\s+(\w+\s+)?hay\s+(todav[íi]a|a[úu]n))\b", Options);

    private static Regex SpanishCheckAgain1() => new(@"\b(comprobar|compru[ée]ba(lo)?|revisar|revisa|actualiza(r)?|refrescar|recargar|mira(r)?\s+(otra\s+vez|de\s+nuevo)|vuelve\s+a\s+(comprobar|mirar|revisar))\b", Options);

    // "¿Quién revisa la solicitud?" asks who verifies the closure request; it is not "check again".
    private static Regex SpanishCheckAgain1Unless() => new(@"\bqui[ée]n(es)?\b|\bsolicitud\b|\bpetici[óo]n\b", Options);

    private static Regex SpanishRemindLater1() => new(@"\b(recu[ée]rda(me|melo)|m[áa]s\s+tarde|luego|despu[ée]s|ahora\s+no|ma[ñn]ana|otro\s+d[íi]a|vuelvo)\b", Options);

    private static Regex SpanishRemindLater1Unless() => new($@"hasta\s+luego|adi[óo]s|{Later}", Options);

    private static Regex FrenchCancel1() => new(@"^(annuler|annule|arr[êe]te(r)?|stop|quitter|on\s+arr[êe]te)([\s,]+(tout|[çc]a|maintenant|l[àa]))*[\s!.]*$", Options);

    private static Regex FrenchCancel2() => new(@"\b(laisse\s+tomber|chang[ée]\s+d'?avis|je\s+ne\s+veux\s+plus|je\s+veux\s+plus|oublie\s+[çc]a|(ne\s+)?(veux|voulons)\s+pas\s+(que\b.{0,30}\b(soit|soient)\s+)?(ferm|supprim|cl[ôo]tur|r[ée]sili)\w*|(annuler|retirer)\s+(ma|la|notre|cette)\s+demande)\b", Options);

    private static Regex FrenchStart1() => new(@"\b(fermer|ferm[ée]|cl[ôo]turer|r[ée]silier|supprimer|fermeture|cl[ôo]ture|r[ée]siliation|suppression|d[ée]sactiver|d[ée]sactivation|d[ée]barrasser)\b.{0,30}\b(compte|conte|abonnement)s?\b"
        + @"|\bn'?(ai|avons|a)\s+plus\s+besoin\s+(du|de\s+(mon|notre|ce|cet)|d'un)\s+compte\b|\bn'?(utilise|utilisons|utilise)\s+plus\s+(mon|notre|le|ce)\s+compte\b", Options);

    private static Regex FrenchSupport1() => new(@"\b((?<!(contrat|plan|forfait|abonnement|offre|niveau)\s+(de\s+|d[\'’]|au\s+)?)support|agent|humain|conseiller|quelqu'?un|service\s+client|op[ée]rateur|une\s+personne)\b", Options);

    private static Regex FrenchHelp1() => new(@"^(aide|aidez|au\s+secours|[àa]\s+l'?aide)\b|\b(besoin\s+d'?aide|aide[sz]?-moi|aide\s+moi|m'?aider|je\s+(ne\s+)?(sais|comprends)\s+pas(\s+quoi\s+faire)?|que\s+dois-je\s+faire|je\s+suis\s+(un\s+peu\s+|compl[èe]tement\s+)?(perdue?s?|confuse?s?))\b", Options);

    // "Que dois-je faire avant la fermeture ?" asks what closing takes: the knowledge base names the steps. Help asked for
    // before something ("j'ai besoin d'aide avant de continuer") is still help.
    private static Regex FrenchHelp1Unless() => new(@"\bfaire\s+avant\b", Options);

    private static Regex FrenchStatus1() => new(@"\b(statut|progression|o[ùu]\s+(j'|nous\s+|on\s+)?en\s+(suis|[ée]tais|sommes|[ée]tions|est)|(j'?en\s+suis|on\s+en\s+est|nous\s+en\s+sommes)\s+o[ùu]|qu'?est-ce\s+qui\s+(reste|manque)|(qu'?est-ce\s+qu'?)?il\s+(me\s+|nous\s+)?reste|reste-t-il|quelle\s+[ée]tape|(prochaine|nouvelle)\s+[ée]tape|[ée]tape\s+suivante|la\s+suite|[ée]tat|qu'?est-ce\s+que\s+j'?ai\s+d[ée]j[àa]\s+fait|qu'?ai-je\s+d[ée]j[àa]\s+fait|combien\s+(il\s+)?(en\s+)?(reste|restent|manque)|il\s+(en\s+)?reste\s+combien|combien\s+(de\s+\w+\s+)(reste|restent|manque)|combien\s+(de\s+\w+\s+)?(y\s+)?en\s+a[-\s]t[-\s]il\s+encore|combien\s+(de\s+\w+\s+)?il\s+y\s+a\s+encore)(?!\w)", Options);

    private static Regex FrenchCheckAgain1() => new(@"\b(v[ée]rifie[rz]?|rev[ée]rifie[rz]?|re-v[ée]rifier|actualise[rz]?|rafra[îi]chi(r|s|ssez)|recharger|regarde\s+(encore|[àa]\s+nouveau))\b", Options);

    // "Qui vérifie la demande ?" asks who verifies the closure request; it is not "check again".
    private static Regex FrenchCheckAgain1Unless() => new(@"^\W*qui\b|\bdemande\b", Options);

    private static Regex FrenchRemindLater1() => new(@"\b(rappelle[zs]?-moi|plus\s+tard|pas\s+maintenant|je\s+reviens|je\s+reviendrai|demain|une\s+autre\s+fois|reprenons)\b", Options);

    private static Regex GermanCancel1() => new(@"^(nein[,.!\s]+)?(bitte\s+)?(abbrechen|abbruch|stopp?|halt|aufh[öo]ren|h[öo]r(en\s+sie|t)?\s+auf|beenden|lass\s+es)([\s,]+(bitte|abbrechen|jetzt|alles|sofort))*[\s!.]*$", Options);

    private static Regex GermanCancel2() => new(@"\b(vergiss\s+es|anders\s+[üu]berlegt|meinung\s+ge[äa]ndert|(will|m[öo]chte|wollen)\s+nicht\s+(mehr|weiter(machen)?|fortfahren)|doch\s+nicht|(will|m[öo]chte|wollen|m[öo]chten)\s+(\w+\s+){0,3}?nicht\s+(\w+\s+)?(schlie[ßs]en|k[üu]ndigen|l[öo]schen|aufl[öo]sen)|(will|m[öo]chte|wollen|m[öo]chten)\s+nicht,?\s+dass\b.{0,40}\b(geschlossen|gek[üu]ndigt|gel[öo]scht|aufgel[öo]st)|\b(meinen|den|unseren)\s+(schlie[ßs]ungs)?(antrag|anfrage)\s+(zur[üu]ckziehen|stornieren|widerrufen))\b", Options);

    private static Regex GermanStart1() => new(@"\w*(konto|konot|account|abo|abonnement)s?\b.{0,40}\b(schlie[ßs]+en|schliesen|k[üu]ndigen|l[öo]schen|aufl[öo]sen|deaktivieren|loswerden|loszuwerden)|\b(schlie[ßs](en?|ung)|k[üu]ndig(en?|ung)|l[öo]sch(en?|ung)|aufl[öo]s(en|ung)|deaktivier(en|ung))\b.{0,30}\w*(konto|account|abo|abonnement)s?\b|kontoschlie[ßs]ung|kontok[üu]ndigung"
        + @"|\b(brauche|brauchen|ben[öo]tige|ben[öo]tigen|nutze|nutzen|verwende|verwenden)\s+(\w+\s+){0,2}?\w*(konto|abo|abonnement)s?\s+nicht\s+mehr\b", Options);

    private static Regex GermanSupport1() => new(@"\b(support(?![\s-]*(vertrag|vertr[äa]ge|plan|paket|level|stufe|abo))|agent(en)?|mensch(en)?|mitarbeiter|berater|jemandem|kundendienst|kundenservice|person)\b", Options);

    private static Regex GermanHelp1() => new(@"^hilfe\b|\b(hilf\s+mir|brauche\s+(bitte\s+)?hilfe|verstehe\s+(ich\s+)?(das\s+)?nicht|wei[ßs]\s+nicht,?\s+was|was\s+soll\s+ich|was\s+muss\s+ich|keine\s+ahnung,?\s+(was|wie)|was\s+ich\s+(tun|machen)\s+(soll|muss)|komme\s+nicht\s+weiter|verwirrt|helfen)\b", Options);

    // "Was muss ich vor der Kündigung tun?" asks what closing takes: the knowledge base names the steps. Help asked for
    // before something ("ich brauche Hilfe vor der Kündigung") is still help.
    private static Regex GermanHelp1Unless() => new(@"^\W*was\b[^?]*\bvor(her|\s+der|\s+dem)\b", Options);

    private static Regex GermanStatus1() => new(@"\b(status|fortschritt|wo\s+(war|bin|stehen|waren)\s+(ich|wir)|was\s+fehlt|welche[rm]?\s+schritt|was\s+bleibt|als\s+n[äa]chstes|n[äa]chste[rn]?\s+schritt|stand|wie\s+weit\s+(bin|sind|war|waren)\s+(ich|wir)|was\s+(habe|hab|haben)\s+(ich|wir)\s+(schon|bereits)\s+(erledigt|gemacht|geschafft)|wie\s+viele\s+(\w+\s+){0,2}?(noch\s+)?([üu]brig|fehlen|bleiben)|wie\s+viele\s+(\w+\s+)?(sind|gibt)\s+(es\s+)?(jetzt\s+)?noch)\b", Options);

    private static Regex GermanCheckAgain1() => new(@"\b(nochmal|noch\s+einmal|erneut)\s+(pr[üu]fen|[üu]berpr[üu]fen|nachsehen|schauen)|\b(pr[üu]f|schau)\s+(bitte\s+)?nochmal|\b(aktualisier(en|e)?|neu\s+laden|jetzt\s+(nochmal\s+)?pr[üu]fen)\b", Options);

    private static Regex GermanRemindLater1() => new(@"\b(erinnere\s+mich|sp[äa]ter|nicht\s+jetzt|komme\s+(sp[äa]ter\s+)?wieder|morgen|ein\s+anderes\s+mal|andermal|muss\s+los)\b", Options);

    private static Regex PortugueseCancel1() => new(@"^((n[ãa]o|melhor\s+n[ãa]o)[,.!\s]+)?(cancelar|cancela|cancele|parar|pare|para|sair|chega|desisto)([\s,]+(com\s+)?(tudo|isso|agora|j[áa]|cancela|por\s+favor))*[\s!.]*$", Options);

    // "Esquece" (forget it) as a word of its own: "e se eu esquecer alguma coisa?" asks what a forgotten thing means.
    private static Regex PortugueseCancel2() => new(@"(?<!\w)(esquece(?!\w)|deixa\s+pra\s+l[áa]|mudei\s+de\s+ideia|n[ãa]o\s+quero\s+mais|desist|n[ãa]o\s+quero\s+(encerrar|fechar|cancelar|excluir|apagar)(?!\w)|n[ãa]o\s+quero\s+que\s.{0,30}(encerrad|fechad|cancelad|exclu[íi]d|apagad)|(cancelar|retirar|desfazer)\s+(meu|o|minha|a|nosso|nossa)\s+(pedido|solicita[çc][ãa]o)(?!\w))", Options);

    private static Regex PortugueseStart1() => new(@"(?<!\w)(encerrar|encerar|encerra|encerro|fechar|fecho|fecha|cancelar|cancelo|cancela|excluir|excluo|apagar|apago|deletar|deleto|encerramento|cancelamento|desativar|desativo|desativa[çc][ãa]o|livrar)(?!\w).{0,30}(?<!\w)(conta|assinatura)(?!\w)"
        + @"|(?<!\w)n[ãa]o\s+(preciso|precisamos|uso|usamos|utilizo|utilizamos)\s+mais\s+(\w+\s+){0,2}?conta(?!\w)", Options);

    private static Regex PortugueseSupport1() => new(@"(?<!\w)((?<!(plano|contrato|pacote|n[íi]vel|assinatura)\s+de\s+)suporte|atendente|humano|uma\s+pessoa|algu[ée]m|atendimento|operador|agente)(?!\w)", Options);

    private static Regex PortugueseHelp1() => new(@"^(ajuda|socorro)|(?<!\w)(me\s+ajuda|preciso\s+de\s+ajuda|n[ãa]o\s+(sei\s+o\s+que|entendi|entendo)|o\s+que\s+(eu\s+)?(fa[çc]o|devo\s+fazer)|pode\s+(me\s+)?ajudar|estou\s+(confus|perdid)[oa])", Options);

    private static Regex PortugueseStatus1() => new(@"(?<!\w)(status|progresso|situa[çc][ãa]o|onde\s+(eu\s+)?(estava|estou|estamos|paramos)|o\s+que\s+(ainda\s+|mais\s+)?(falta|resta|est[áa]\s+faltando)|em\s+que\s+(passo|etapa)|pr[óo]ximo\s+passo|at[ée]\s+onde\s+(eu\s+)?(cheguei|chegamos)|o\s+que\s+(eu\s+|n[óo]s\s+)?(j[áa]\s+fiz|j[áa]\s+fizemos|fiz\s+at[ée]\s+agora)|quant[oa]s\s+(\w+\s+){0,2}?(ainda\s+)?(faltam|restam|sobram)|quant[oa]s\s+(\w+\s+)?ainda\s+(tem|t[êe]m|h[áa]|existem))(?!\w)", Options);

    private static Regex PortugueseCheckAgain1() => new(@"(?<!\w)(verificar|verifica|verifique|checar|checa|confere|atualizar|atualiza|recarregar|olha\s+de\s+novo)(?!\w)", Options);

    // "Quem verifica o pedido?" asks who verifies the closure request; it is not "check again".
    private static Regex PortugueseCheckAgain1Unless() => new(@"(?<!\w)(quem|pedido|solicita[çc][ãa]o)(?!\w)", Options);

    private static Regex PortugueseRemindLater1() => new(@"(?<!\w)(me\s+lembr[ae]|mais\s+tarde|depois|agora\s+n[ãa]o|amanh[ãa]|outro\s+dia|outra\s+hora|volto)(?!\w)", Options);

    private static Regex PortugueseRemindLater1Unless() => new($@"at[ée]\s+mais|{Later}", Options);

    private static Regex FrenchRemindLater1Unless() => new(Later, Options);

    private static Regex GermanRemindLater1Unless() => new(Later, Options);

    private static Regex SpanishBack1() => new(@"^[¿¡\s]*(((quiero|quisiera|podemos|puedo|vamos\s+a)\s+)?(volver|regresar|vuelve|volvamos|regresa|retroceder)(\s+(atr[áa]s|un\s+paso|al?\s+paso\s+anterior|a\s+la\s+pregunta\s+anterior))*|atr[áa]s|(el\s+)?paso\s+anterior|(la\s+)?pregunta\s+anterior)[\s?!.,]*$", Options);

    private static Regex FrenchBack1() => new(@"^(((je\s+(veux|voudrais)|on\s+peut|peut-on|pouvez-vous|puis-je|on)\s+)?(revenir|retourner|reviens|revient|retour|reculer)(\s+(en\s+arri[èe]re|[àa]\s+l'[ée]tape\s+(pr[ée]c[ée]dente|d'avant)|[àa]\s+la\s+question\s+pr[ée]c[ée]dente|d'une\s+[ée]tape))*|(en\s+)?arri[èe]re|(l')?[ée]tape\s+pr[ée]c[ée]dente|(la\s+)?question\s+pr[ée]c[ée]dente|pr[ée]c[ée]dente?)[\s?!.,]*$", Options);

    private static Regex GermanBack1() => new(@"^(((ich\s+(will|m[öo]chte)|k[öo]nnen\s+wir|kann\s+ich|lass\s+uns)\s+)?(nochmal\s+)?(geh\s+|gehen\s+wir\s+)?(einen\s+schritt\s+)?zur[üu]ck(gehen)?(\s+(zum|zur)\s+(vorherigen|letzten)\s+(schritt|frage))?|(vorheriger|letzter)\s+schritt|zur\s+vorherigen\s+frage|schritt\s+zur[üu]ck)[\s?!.,]*$", Options);

    private static Regex PortugueseBack1() => new(@"^(((quero|podemos|posso|vamos)\s+)?(voltar|volta|volte|retornar|retorne)(\s+(atr[áa]s|uma\s+etapa|um\s+passo|(ao|para\s+o)\s+passo\s+anterior|([àa]|para\s+a)\s+etapa\s+anterior|([àa]|para\s+a)\s+pergunta\s+anterior))*|(a\s+)?etapa\s+anterior|(a\s+)?pergunta\s+anterior|(o\s+)?passo\s+anterior)[\s?!.,]*$", Options);

    // One instance for this table and IntentReader's restarts.
    private static Regex? _spanishRestart1;
    internal static Regex SpanishRestart1() => _spanishRestart1 ??= new(@"^[¿¡\s]*(((quiero|quisiera|podemos|vamos\s+a)\s+)?(empezar|comenzar|iniciar)\s+(de\s+nuevo|otra\s+vez|desde\s+(el\s+)?(principio|cero))|volver\s+a\s+empezar|reiniciar(\s+(todo|el\s+proceso))?|desde\s+el\s+principio|empecemos\s+de\s+nuevo)[\s?!.,]*$", Options);

    // One instance for this table and IntentReader's restarts.
    private static Regex? _frenchRestart1;
    internal static Regex FrenchRestart1() => _frenchRestart1 ??= new(@"^(((je\s+(veux|voudrais)|on\s+peut|peut-on|on)\s+)?(recommencer|recommence|repartir\s+de\s+z[ée]ro|reprendre\s+(depuis\s+le|au)\s+d[ée]but|tout\s+recommencer)(\s+(depuis\s+le\s+d[ée]but|[àa]\s+z[ée]ro|tout))?|(depuis\s+le|au)\s+d[ée]but)[\s?!.,]*$", Options);

    // One instance for this table and IntentReader's restarts.
    private static Regex? _germanRestart1;
    internal static Regex GermanRestart1() => _germanRestart1 ??= new(@"^(((ich\s+(will|m[öo]chte)|k[öo]nnen\s+wir|lass\s+uns)\s+)?(nochmal\s+|noch\s+einmal\s+)?(von\s+vorne?(\s+(anfangen|beginnen|starten))?|neu\s+(anfangen|beginnen|starten)|neustart|alles\s+auf\s+anfang))[\s?!.,]*$", Options);

    // One instance for this table and IntentReader's restarts.
    private static Regex? _portugueseRestart1;
    internal static Regex PortugueseRestart1() => _portugueseRestart1 ??= new(@"^(((quero|podemos|vamos)\s+)?(come[çc]ar\s+(de\s+novo|do\s+zero|do\s+in[íi]cio|outra\s+vez)|recome[çc]ar(\s+tudo)?|reiniciar(\s+(tudo|o\s+processo))?)|do\s+in[íi]cio|desde\s+o\s+in[íi]cio)[\s?!.,]*$", Options);

    // Asked before the closure intent, which would read "¿ya está cerrada mi cuenta?" as a wish to close it.
    private static Regex SpanishStatus0() => new(@"^((y|bueno|hola|entonces)[\s,]+)*(¿\s*)?(ya\s+(est[áa]|fue)\s+(cerrada|eliminada|dada\s+de\s+baja)(\s+(mi|la|nuestra)\s+cuenta)?|(mi|la|nuestra)\s+cuenta\s+(ya\s+)?(est[áa]|fue)\s+(ya\s+)?(cerrada|eliminada|dada\s+de\s+baja)|(est[áa]|fue)\s+(ya\s+)?(cerrada|eliminada)\s+(mi|la|nuestra)\s+cuenta|qu[ée]\s+pasa\s+ahora|y\s+ahora\s+qu[ée]|(tengo|tenemos)\s+que\s+hacer\s+algo\s+m[áa]s|(hay\s+)?algo\s+m[áa]s\s+que\s+(tenga|tengamos|deba)\s+hacer|(ya\s+)?((he|hemos)\s+)?(termin[ée]|terminamos|terminado|acab[ée]|acabamos|acabado|listo|est[áa])(\s+ya)?\s*\?|(eso\s+)?es\s+todo\s*\?|(hay\s+)?algo\s+m[áa]s\s*\?)(\s+(ya|ahora))?[\s?!.]*$", Options);

    private static Regex FrenchStatus0() => new(@"^((et|alors|bon|bonjour)[\s,]+)*((mon|notre|le)\s+compte\s+(est-il|est)\s+(d[ée]j[àa]\s+)?(ferm[ée]|supprim[ée]|cl[ôo]tur[ée])|est-ce\s+que\s+(mon|notre|le)\s+compte\s+est\s+(d[ée]j[àa]\s+)?(ferm[ée]|supprim[ée]|cl[ôo]tur[ée])|que\s+se\s+passe-t-il\s+(maintenant|ensuite)|qu'?est-ce\s+qui\s+se\s+passe\s+(maintenant|ensuite)|et\s+maintenant|(dois-je|est-ce\s+que\s+je\s+dois|je\s+dois)\s+faire\s+(autre\s+chose|quelque\s+chose\s+d'autre)|(est-ce\s+que\s+)?((j'?ai|on\s+a|nous\s+avons)\s+(d[ée]j[àa]\s+)?)?(fini|termin[ée])\s*\?|(ai-je|avons-nous|a-t-on)\s+(d[ée]j[àa]\s+)?(fini|termin[ée])|(est-ce\s+que\s+)?c'?est\s+(fini|termin[ée]|tout|bon)\s*\?|est-ce\s+(que\s+c'?est\s+)?(fini|termin[ée]|tout)|(il\s+y\s+a\s+|y\s+a-t-il\s+)?autre\s+chose\s*\?)(\s+(maintenant|d[ée]j[àa]))?[\s?!.]*$", Options);

    private static Regex GermanStatus0() => new(@"^((und|also|ok|hallo|gut)[\s,]+)*((ist|wurde)\s+(mein|unser|das)\s+konto\s+(schon\s+|jetzt\s+|bereits\s+)*(geschlossen|gel[öo]scht|gek[üu]ndigt)(\s+worden)?|was\s+passiert\s+(jetzt|nun|als\s+n[äa]chstes)|und\s+jetzt|(muss|m[üu]ssen)\s+(ich|wir)\s+(noch\s+)?(etwas|was|irgendwas)\s+(anderes\s+|weiteres\s+)?(tun|machen)|(bin\s+ich|sind\s+wir)\s+(jetzt\s+|schon\s+)?fertig|(alles\s+)?fertig\s*\?|war'?s\s+das|war\s+das\s+(alles|es|schon)|ist\s+das\s+(alles|es)|das\s+war'?s\s*\?|sonst\s+noch\s+(was|etwas))(\s+(jetzt|schon|noch))?[\s?!.]*$", Options);

    private static Regex PortugueseStatus0() => new(@"^((e|ent[ãa]o|ol[áa]|bom)[\s,]+)*((a\s+)?(minha|nossa|a)\s+conta\s+(j[áa]\s+)?(foi|est[áa])\s+(encerrada|fechada|exclu[íi]da|cancelada)|(j[áa]\s+)?(foi|est[áa])\s+(encerrada|fechada|exclu[íi]da)\s+(a\s+)?(minha|nossa)\s+conta|o\s+que\s+acontece\s+agora|e\s+agora|(preciso|precisamos|tenho\s+que)\s+fazer\s+(mais\s+)?(alguma\s+)?(coisa|algo)(\s+mais)?|(j[áa]\s+)?(terminei|acabei|terminamos|acabamos|terminou|acabou|(est[áa]\s+)?(tudo\s+)?pronto)(\s+j[áa])?\s*\?|([ée]\s+)?s[óo]\s+isso\s*\?|[ée]\s+tudo\s*\?|(tem\s+)?mais\s+alguma\s+coisa\s*\?)(\s+(j[áa]|agora))?[\s?!.]*$", Options);
}
