namespace ClosureBot.Understanding;

/// <summary>
/// Spanish, French, German and Portuguese interruptions, written from each language's training part of the corpus.
/// Short patterns: a match is the whole message when the message is a few words long. Order matters: first match wins.
/// </summary>
internal static class OtherLanguageIntents
{
    private const string Later = @"factura|fatura|facture|rechnung|datos|dados|donn[ée]es|daten|cobr|recuper|\?";

    public static readonly IntentRule[] Spanish =
    [
        IntentRule.Whole(MessageKind.Cancel, @"^(cancelar|cancela|para|parar|det[ée]n|detener|salir|basta|olv[íi]dalo.*|d[ée]jalo.*)([\s,]+(todo|ya|eso|ahora))*[\s!.]*$"),
        IntentRule.Short(MessageKind.Cancel, @"\b(cambi[ée]\s+de\s+opini[óo]n|he\s+cambiado\s+de\s+opini[óo]n|ya\s+no\s+quiero|no\s+quiero\s+cerrar|mejor\s+no)\b"),
        IntentRule.Short(MessageKind.Start, @"\b(cerrar|cerar|cierro|cancelar|cancelo|eliminar|elimino|borrar|borro|dar\s+de\s+baja)\b.{0,30}\bcuentas?\b|\bdar(me)?\s+de\s+baja\b|\bcierre\s+de\s+(la\s+)?cuenta\b"),
        IntentRule.Short(MessageKind.Support, @"\b(soporte|agente|humano|una\s+persona|alguien|atenci[óo]n\s+al\s+cliente|operador|asesor)\b"),
        IntentRule.Short(MessageKind.Help, @"^(ayuda|ay[úu]dame|ay[úu]denme|socorro)\b|\b(necesito\s+ayuda|no\s+s[ée]\s+qu[ée]\s+hacer|no\s+entiendo|qu[ée]\s+(hago|debo\s+hacer)|me\s+(puedes\s+|podr[íi]as\s+)?ayuda(s|r|n)?|puedes\s+ayudarme|estoy\s+(perdid|confundid)[oa])\b"),
        IntentRule.Short(MessageKind.Status, @"\b(estado|progreso|d[óo]nde\s+(estaba|estoy|estamos|nos\s+quedamos)|qu[ée]\s+(me\s+|nos\s+)?(todav[íi]a\s+|a[úu]n\s+)?(falta|queda)|en\s+qu[ée]\s+paso|(paso\s+)?siguiente(\s+paso)?|pr[óo]ximo\s+paso|qu[ée]\s+(paso\s+)?sigue)\b"),
        IntentRule.Short(MessageKind.CheckAgain, @"\b(comprobar|compru[ée]ba(lo)?|revisar|revisa|actualiza(r)?|refrescar|recargar|mira(r)?\s+(otra\s+vez|de\s+nuevo)|vuelve\s+a\s+(comprobar|mirar|revisar))\b"),
        IntentRule.Short(MessageKind.RemindLater, @"\b(recu[ée]rda(me|melo)|m[áa]s\s+tarde|luego|despu[ée]s|ahora\s+no|ma[ñn]ana|otro\s+d[íi]a|vuelvo)\b",
            unless: $@"hasta\s+luego|adi[óo]s|{Later}"),
    ];

    public static readonly IntentRule[] French =
    [
        IntentRule.Whole(MessageKind.Cancel, @"^(annuler|annule|arr[êe]te(r)?|stop|quitter|on\s+arr[êe]te)([\s,]+(tout|[çc]a|maintenant|l[àa]))*[\s!.]*$"),
        IntentRule.Short(MessageKind.Cancel, @"\b(laisse\s+tomber|chang[ée]\s+d'?avis|je\s+ne\s+veux\s+plus|je\s+veux\s+plus|oublie\s+[çc]a)\b"),
        IntentRule.Short(MessageKind.Start, @"\b(fermer|ferm[ée]|cl[ôo]turer|r[ée]silier|supprimer|fermeture|cl[ôo]ture|r[ée]siliation|suppression)\b.{0,30}\b(compte|conte)s?\b"),
        IntentRule.Short(MessageKind.Support, @"\b(support|agent|humain|conseiller|quelqu'?un|service\s+client|op[ée]rateur|une\s+personne)\b"),
        IntentRule.Short(MessageKind.Help, @"^(aide|aidez|au\s+secours|[àa]\s+l'?aide)\b|\b(besoin\s+d'?aide|aide[sz]?-moi|aide\s+moi|m'?aider|je\s+(ne\s+)?(sais|comprends)\s+pas(\s+quoi\s+faire)?|que\s+dois-je\s+faire|je\s+suis\s+(un\s+peu\s+|compl[èe]tement\s+)?(perdue?s?|confuse?s?))\b"),
        IntentRule.Short(MessageKind.Status, @"\b(statut|progression|o[ùu]\s+en\s+(suis|[ée]tais|sommes|[ée]tions|est)|(j'?en\s+suis|on\s+en\s+est|nous\s+en\s+sommes)\s+o[ùu]|qu'?est-ce\s+qui\s+(reste|manque)|(qu'?est-ce\s+qu'?)?il\s+(me\s+|nous\s+)?reste|reste-t-il|quelle\s+[ée]tape|(prochaine|nouvelle)\s+[ée]tape|[ée]tape\s+suivante|la\s+suite|[ée]tat)(?!\w)"),
        IntentRule.Short(MessageKind.CheckAgain, @"\b(v[ée]rifie[rz]?|rev[ée]rifie[rz]?|re-v[ée]rifier|actualise[rz]?|rafra[îi]chi(r|s|ssez)|recharger|regarde\s+(encore|[àa]\s+nouveau))\b"),
        IntentRule.Short(MessageKind.RemindLater, @"\b(rappelle[zs]?-moi|plus\s+tard|pas\s+maintenant|je\s+reviens|je\s+reviendrai|demain|une\s+autre\s+fois|reprenons)\b",
            unless: Later),
    ];

    public static readonly IntentRule[] German =
    [
        IntentRule.Whole(MessageKind.Cancel, @"^(nein[,.!\s]+)?(bitte\s+)?(abbrechen|abbruch|stopp?|halt|aufh[öo]ren|h[öo]r(en\s+sie|t)?\s+auf|beenden|lass\s+es)([\s,]+(bitte|abbrechen|jetzt|alles|sofort))*[\s!.]*$"),
        IntentRule.Short(MessageKind.Cancel, @"\b(vergiss\s+es|anders\s+[üu]berlegt|meinung\s+ge[äa]ndert|(will|m[öo]chte|wollen)\s+nicht\s+(mehr|weiter(machen)?|fortfahren)|doch\s+nicht)\b"),
        IntentRule.Short(MessageKind.Start, @"\w*(konto|konot|account)s?\b.{0,40}\b(schlie[ßs]+en|schliesen|k[üu]ndigen|l[öo]schen|aufl[öo]sen)|\b(schlie[ßs](en?|ung)|k[üu]ndig(en?|ung)|l[öo]sch(en?|ung)|aufl[öo]s(en|ung))\b.{0,30}\w*(konto|account)s?\b|kontoschlie[ßs]ung|kontok[üu]ndigung"),
        IntentRule.Short(MessageKind.Support, @"\b(support|agent(en)?|mensch(en)?|mitarbeiter|berater|jemandem|kundendienst|kundenservice|person)\b"),
        IntentRule.Short(MessageKind.Help, @"^hilfe\b|\b(hilf\s+mir|brauche\s+(bitte\s+)?hilfe|verstehe\s+(ich\s+)?(das\s+)?nicht|wei[ßs]\s+nicht,?\s+was|was\s+soll\s+ich|was\s+muss\s+ich|keine\s+ahnung,?\s+(was|wie)|was\s+ich\s+(tun|machen)\s+(soll|muss)|komme\s+nicht\s+weiter|verwirrt|helfen)\b"),
        IntentRule.Short(MessageKind.Status, @"\b(status|fortschritt|wo\s+(war|bin|stehen|waren)\s+(ich|wir)|was\s+fehlt|welche[rm]?\s+schritt|was\s+bleibt|als\s+n[äa]chstes|n[äa]chste[rn]?\s+schritt|stand)\b"),
        IntentRule.Short(MessageKind.CheckAgain, @"\b(nochmal|noch\s+einmal|erneut)\s+(pr[üu]fen|[üu]berpr[üu]fen|nachsehen|schauen)|\b(pr[üu]f|schau)\s+(bitte\s+)?nochmal|\b(aktualisier(en|e)?|neu\s+laden|jetzt\s+(nochmal\s+)?pr[üu]fen)\b"),
        IntentRule.Short(MessageKind.RemindLater, @"\b(erinnere\s+mich|sp[äa]ter|nicht\s+jetzt|komme\s+(sp[äa]ter\s+)?wieder|morgen|ein\s+anderes\s+mal|andermal|muss\s+los)\b",
            unless: Later),
    ];

    public static readonly IntentRule[] Portuguese =
    [
        IntentRule.Whole(MessageKind.Cancel, @"^((n[ãa]o|melhor\s+n[ãa]o)[,.!\s]+)?(cancelar|cancela|cancele|parar|pare|para|sair|chega|desisto)([\s,]+(com\s+)?(tudo|isso|agora|j[áa]|cancela|por\s+favor))*[\s!.]*$"),
        IntentRule.Short(MessageKind.Cancel, @"(?<!\w)(esquece|deixa\s+pra\s+l[áa]|mudei\s+de\s+ideia|n[ãa]o\s+quero\s+mais|desist)"),
        IntentRule.Short(MessageKind.Start, @"(?<!\w)(encerrar|encerar|encerra|encerro|fechar|fecho|fecha|cancelar|cancelo|cancela|excluir|excluo|apagar|apago|deletar|deleto|encerramento|cancelamento)(?!\w).{0,30}(?<!\w)conta(?!\w)"),
        IntentRule.Short(MessageKind.Support, @"(?<!\w)(suporte|atendente|humano|uma\s+pessoa|algu[ée]m|atendimento|operador|agente)(?!\w)"),
        IntentRule.Short(MessageKind.Help, @"^(ajuda|socorro)|(?<!\w)(me\s+ajuda|preciso\s+de\s+ajuda|n[ãa]o\s+(sei\s+o\s+que|entendi|entendo)|o\s+que\s+(eu\s+)?(fa[çc]o|devo\s+fazer)|pode\s+(me\s+)?ajudar|estou\s+(confus|perdid)[oa])"),
        IntentRule.Short(MessageKind.Status, @"(?<!\w)(status|progresso|situa[çc][ãa]o|onde\s+(eu\s+)?(estava|estou|estamos|paramos)|o\s+que\s+(ainda\s+|mais\s+)?(falta|resta|est[áa]\s+faltando)|em\s+que\s+(passo|etapa)|pr[óo]ximo\s+passo)(?!\w)"),
        IntentRule.Short(MessageKind.CheckAgain, @"(?<!\w)(verificar|verifica|verifique|checar|checa|confere|atualizar|atualiza|recarregar|olha\s+de\s+novo)(?!\w)"),
        IntentRule.Short(MessageKind.RemindLater, @"(?<!\w)(me\s+lembr[ae]|mais\s+tarde|depois|agora\s+n[ãa]o|amanh[ãa]|outro\s+dia|outra\s+hora|volto)(?!\w)",
            unless: $@"at[ée]\s+mais|{Later}"),
    ];
}
