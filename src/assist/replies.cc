#include "assist/replies.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/assert.h"

namespace tranche::assist {

namespace {

struct Template {
  std::string_view id;
  std::string_view en;
  std::string_view sv;
  std::string_view de;
};

constexpr Template kTemplates[] = {
    {"greeting", "Hi! I can help with your payments, balances, refunds, disputes and your card. What would you like to do?",
     "Hej! Jag kan hjälpa dig med betalningar, saldo, återbetalningar, reklamationer och ditt kort. Vad vill du göra?",
     "Hallo! Ich helfe bei Zahlungen, Saldo, Erstattungen, Reklamationen und deiner Karte. Was möchtest du tun?"},
    {"thanks", "You're welcome! Is there anything else I can help with?", "Varsågod! Finns det något mer jag kan hjälpa till med?",
     "Gern geschehen! Kann ich sonst noch helfen?"},
    {"goodbye", "Goodbye, and thank you for using tranche.", "Hej då, och tack för att du använder tranche.",
     "Auf Wiedersehen und danke, dass du tranche nutzt."},
    {"out_of_scope",
     "Sorry, that's not something I can help with. I can help with your tranche account: payments, balances, refunds, disputes, your card and your spending limit. What can I do for you?",
     "Tyvärr kan jag inte hjälpa till med det. Jag kan hjälpa dig med ditt tranche-konto: betalningar, saldo, återbetalningar, reklamationer, ditt kort och din köpgräns. Vad kan jag göra för dig?",
     "Dabei kann ich leider nicht helfen. Ich helfe dir mit deinem tranche-Konto: Zahlungen, Saldo, Erstattungen, Reklamationen, deiner Karte und deinem Ausgabelimit. Was kann ich für dich tun?"},
    {"misunderstood",
     "Sorry, I didn't quite understand. I can help with payments, balances, refunds, disputes and your card — could you say it another way?",
     "Förlåt, jag förstod inte riktigt. Jag kan hjälpa till med betalningar, saldo, återbetalningar, reklamationer och ditt kort — kan du säga det på ett annat sätt?",
     "Entschuldigung, das habe ich nicht ganz verstanden. Ich helfe bei Zahlungen, Saldo, Erstattungen, Reklamationen und deiner Karte — kannst du es anders formulieren?"},
    {"no_plans", "You don't have any open purchases with us right now.", "Du har inga öppna köp hos oss just nu.",
     "Du hast derzeit keine offenen Käufe bei uns."},
    {"next_payment", "Your next payment for {0} is {1}, due on {2}.", "Din nästa betalning för {0} är {1}, med förfallodag {2}.",
     "Deine nächste Zahlung für {0} beträgt {1}, fällig am {2}."},
    {"next_payment_overdue", "Your payment of {1} for {0} was due on {2} and is still unpaid.",
     "Din betalning på {1} för {0} förföll {2} och är fortfarande obetald.",
     "Deine Zahlung von {1} für {0} war am {2} fällig und ist noch offen."},
    {"overdue_to_clear", "Paying {0} (what is overdue and its late fees) brings {1} up to date.",
     "Om du betalar {0} (det förfallna och förseningsavgifterna) är {1} i fas igen.",
     "Mit {0} (dem Überfälligen und den Mahngebühren) ist {1} wieder auf dem aktuellen Stand."},
    {"nothing_due", "Your {0} purchase is fully paid.", "Ditt köp hos {0} är helt betalt.", "Dein Kauf bei {0} ist vollständig bezahlt."},
    {"balance_plan", "You owe {1} on your {0} purchase, with {2} payment(s) left.",
     "Du har {1} kvar att betala för ditt köp hos {0}, fördelat på {2} betalning(ar).",
     "Du schuldest {1} für deinen Kauf bei {0}, verteilt auf {2} Zahlung(en)."},
    {"balance_total", "Altogether you owe {0}.", "Totalt är du skyldig {0}.", "Insgesamt schuldest du {0}."},
    {"schedule_line", "Payment {0}: {1} on {2}.", "Betalning {0}: {1} den {2}.", "Zahlung {0}: {1} am {2}."},
    {"schedule_intro", "Your remaining payments for {0}:", "Dina återstående betalningar för {0}:",
     "Deine verbleibenden Zahlungen für {0}:"},
    {"last_payment", "The last payment on {0} was {1}, taken on {2}.", "Den senaste betalningen för {0} var {1}, dragen {2}.",
     "Die letzte Zahlung für {0} betrug {1}, abgebucht am {2}."},
    {"autopay_instalment",
     "That was a scheduled instalment, collected automatically on its due date as agreed at purchase.",
     "Det var en schemalagd delbetalning som drogs automatiskt på förfallodagen, som avtalat vid köpet.",
     "Das war eine geplante Rate, die wie beim Kauf vereinbart am Fälligkeitstag automatisch abgebucht wurde."},
    {"no_payments_yet", "No payments have been taken for {0} yet.", "Inga betalningar har dragits för {0} ännu.",
     "Für {0} wurde noch nichts abgebucht."},
    {"payment_failed", "The payment of {1} for {0} on {2} didn't go through: {3}.",
     "Betalningen på {1} för {0} den {2} gick inte igenom: {3}.",
     "Die Zahlung von {1} für {0} am {2} ist nicht durchgegangen: {3}."},
    {"retry_on", "We'll try again automatically on {0}. You can also pay it now, or change your card.",
     "Vi försöker igen automatiskt den {0}. Du kan också betala nu eller byta kort.",
     "Wir versuchen es am {0} automatisch erneut. Du kannst auch jetzt zahlen oder die Karte wechseln."},
    {"no_more_retries", "There are no more automatic retries; you can pay it now or change your card.",
     "Det blir inga fler automatiska försök; du kan betala nu eller byta kort.",
     "Es gibt keine weiteren automatischen Versuche; du kannst jetzt zahlen oder die Karte wechseln."},
    {"no_failures", "I can't see any failed payments on your account.", "Jag ser inga misslyckade betalningar på ditt konto.",
     "Ich sehe keine fehlgeschlagenen Zahlungen auf deinem Konto."},
    {"failure_insufficient_funds", "insufficient funds", "otillräckligt saldo", "unzureichende Deckung"},
    {"failure_expired_card", "the card has expired", "kortet har gått ut", "die Karte ist abgelaufen"},
    {"failure_processor_error", "a processing error at the card network", "ett tekniskt fel hos kortnätverket",
     "ein technischer Fehler beim Kartennetzwerk"},
    {"failure_other", "the payment was declined", "betalningen nekades", "die Zahlung wurde abgelehnt"},
    {"method_on_file", "Payments are taken from your {0} ending in {1}.", "Betalningar dras från ditt {0} som slutar på {1}.",
     "Zahlungen werden von deiner {0} mit der Endung {1} abgebucht."},
    {"method_card", "card", "kort", "Karte"},
    {"method_bank_account", "bank account", "bankkonto", "Bankkonto"},
    {"autopay",
     "Payments are collected automatically on each due date; if one fails we retry 2 and 5 days later.",
     "Betalningar dras automatiskt på varje förfallodag; om en misslyckas försöker vi igen 2 och 5 dagar senare.",
     "Zahlungen werden an jedem Fälligkeitstag automatisch abgebucht; schlägt eine fehl, versuchen wir es 2 und 5 Tage später erneut."},
    {"refund_applied",
     "{0} refunded {1} on your purchase. A refund is taken off your plan from the last payment backwards, so your remaining payments shrink from the end; you now owe {2}.",
     "{0} har återbetalat {1} för ditt köp. En återbetalning dras av från planen bakifrån, från den sista betalningen, så dina återstående betalningar minskar från slutet; du är nu skyldig {2}.",
     "{0} hat {1} für deinen Kauf erstattet. Eine Erstattung wird von hinten, ab der letzten Zahlung, vom Plan abgezogen, sodass deine restlichen Zahlungen vom Ende her kleiner werden; du schuldest jetzt {2}."},
    {"refund_none",
     "I can't see a refund on your account yet. Refunds come from the merchant once they've processed your return — please contact {0} if you're waiting for one.",
     "Jag ser ingen återbetalning på ditt konto ännu. Återbetalningar kommer från butiken när de har hanterat din retur — kontakta {0} om du väntar på en.",
     "Ich sehe noch keine Erstattung auf deinem Konto. Erstattungen kommen vom Händler, sobald er deine Rücksendung bearbeitet hat — wende dich bitte an {0}, wenn du auf eine wartest."},
    {"contact_merchant",
     "For questions about delivery, shipping or the order itself, please contact {0} directly — they handle the goods.",
     "För frågor om leverans, frakt eller själva beställningen, kontakta {0} direkt — de hanterar varorna.",
     "Bei Fragen zu Lieferung, Versand oder der Bestellung selbst wende dich bitte direkt an {0} — der Händler kümmert sich um die Ware."},
    {"uneven_split",
     "On {0}, the first instalment was {1} and the others are {2}: when a purchase does not divide evenly into its instalments, the leftover cents go on the first one. It is no fee and no interest; the instalments add up to the purchase price.",
     "För {0} var den första delbetalningen {1} och de andra är {2}: när ett köp inte går jämnt upp i delbetalningarna läggs de överblivna centen på den första. Det är ingen avgift och ingen ränta; delbetalningarna blir tillsammans köpesumman.",
     "Bei {0} war die erste Rate {1} und die anderen betragen {2}: Wenn sich ein Kauf nicht gleichmäßig auf die Raten aufteilen lässt, kommen die übrigen Cent auf die erste Rate. Das ist keine Gebühr und kein Zins; die Raten ergeben zusammen den Kaufpreis."},
    {"late_fee_rule",
     "A late fee of {0} is charged per payment that is still unpaid 10 days after its due date.",
     "En förseningsavgift på {0} tas ut per betalning som fortfarande är obetald 10 dagar efter förfallodagen.",
     "Eine Mahngebühr von {0} wird pro Zahlung erhoben, die 10 Tage nach Fälligkeit noch offen ist."},
    {"fee_not_waived",
     "I can't confirm that: your account still shows {0} in late fees on {1}. Nothing has been taken off it.",
     "Det kan jag inte bekräfta: ditt konto visar fortfarande {0} i förseningsavgifter för {1}. Inget har tagits bort.",
     "Das kann ich nicht bestätigen: Dein Konto zeigt weiterhin {0} an Mahngebühren für {1}. Davon wurde nichts gestrichen."},
    {"no_late_fees", "There are no late fees on your account.", "Det finns inga förseningsavgifter på ditt konto.",
     "Auf deinem Konto gibt es keine Mahngebühren."},
    {"late_fee_current", "You currently have {0} in late fees on {1}.", "Du har just nu {0} i förseningsavgifter för {1}.",
     "Du hast derzeit {0} an Mahngebühren für {1}."},
    {"dispute_offer",
     "I'm sorry to hear that. {0} can help with the order itself, so it's worth contacting them too. I can also report the problem ({1}) on your {0} purchase: payments on it are paused for 21 days while it's looked into. Shall I report it?",
     "Tråkigt att höra. {0} kan hjälpa till med själva beställningen, så kontakta dem också. Jag kan också rapportera problemet ({1}) för ditt köp hos {0}: betalningarna pausas då i 21 dagar medan det utreds. Ska jag rapportera det?",
     "Das tut mir leid. {0} kann bei der Bestellung selbst helfen, wende dich also auch an den Händler. Ich kann das Problem ({1}) für deinen Kauf bei {0} auch melden: Die Zahlungen werden dann 21 Tage pausiert, während es geprüft wird. Soll ich es melden?"},
    {"reason_not_received", "item not received", "varan har inte kommit", "Ware nicht erhalten"},
    {"reason_wrong_item", "wrong or damaged item", "fel eller skadad vara", "falsche oder beschädigte Ware"},
    {"reason_not_as_described", "not as described", "inte som beskrivet", "nicht wie beschrieben"},
    {"reason_unauthorized", "a purchase you didn't make", "ett köp du inte har gjort", "ein Kauf, den du nicht getätigt hast"},
    {"reason_returned", "item returned", "varan returnerad", "Ware zurückgeschickt"},
    {"delivery_merchant",
     "I can't see where an order is: {0} ships it, so please contact them about the delivery.",
     "Jag kan inte se var en beställning är: {0} skickar den, så kontakta dem om leveransen.",
     "Ich kann nicht sehen, wo eine Bestellung ist: {0} verschickt sie, wende dich also wegen der Lieferung an den Händler."},
    {"dispute_exists",
     "A problem with your {0} purchase is already reported ({1}): payments on it are paused for 21 days, until {2}, and no late fees are charged while they are. {0} handles the order itself, so contact them about the delivery or the goods.",
     "Ett problem med ditt köp hos {0} är redan rapporterat ({1}): betalningarna är pausade i 21 dagar, till {2}, och inga förseningsavgifter tas ut under tiden. {0} hanterar själva beställningen, så kontakta dem om leveransen eller varan.",
     "Ein Problem mit deinem Kauf bei {0} ist bereits gemeldet ({1}): Die Zahlungen sind 21 Tage pausiert, bis {2}, und in dieser Zeit fallen keine Mahngebühren an. {0} kümmert sich um die Bestellung selbst, wende dich also wegen der Lieferung oder der Ware an den Händler."},
    {"dispute_state", "Your reported problem with {0} is {1}.", "Ditt rapporterade problem med {0} är {1}.",
     "Dein gemeldetes Problem mit {0} ist {1}."},
    {"dispute_state_open", "open and waiting for the merchant's answer", "öppet och väntar på butikens svar",
     "offen und wartet auf die Antwort des Händlers"},
    {"dispute_state_under_review", "being reviewed by our team", "under granskning av vårt team", "in Prüfung durch unser Team"},
    {"dispute_state_resolved", "resolved", "avslutat", "abgeschlossen"},
    {"no_disputes", "You have no reported problems.", "Du har inga rapporterade problem.", "Du hast keine gemeldeten Probleme."},
    {"paused_by_report",
     "Payments on your {0} purchase are paused until {1}: a reported problem pauses them for 21 days, with no late fees meanwhile.",
     "Betalningarna för ditt köp hos {0} är pausade till {1}: ett rapporterat problem pausar dem i 21 dagar, utan förseningsavgifter under tiden.",
     "Die Zahlungen für deinen Kauf bei {0} sind bis {1} pausiert: Ein gemeldetes Problem pausiert sie 21 Tage, ohne Mahngebühren in dieser Zeit."},
    {"paused_until", "Payments on your {0} purchase are paused until {1}.", "Betalningarna för ditt köp hos {0} är pausade till {1}.",
     "Die Zahlungen für deinen Kauf bei {0} sind bis {1} pausiert."},
    {"pause_rule",
     "Reporting a problem with an order pauses its payments for 21 days; a return registered by the merchant pauses them for 28 days. No late fees are charged while paused.",
     "Att rapportera ett problem med en beställning pausar betalningarna i 21 dagar; en retur som butiken registrerar pausar dem i 28 dagar. Inga förseningsavgifter tas ut under pausen.",
     "Eine Reklamation pausiert die Zahlungen einer Bestellung für 21 Tage; eine vom Händler erfasste Rücksendung für 28 Tage. Während der Pause fallen keine Mahngebühren an."},
    {"decline", "Your purchase at {0} of {1} on {2} wasn't approved because: {3}.",
     "Ditt köp hos {0} på {1} den {2} godkändes inte eftersom: {3}.",
     "Dein Kauf bei {0} über {1} am {2} wurde nicht genehmigt, weil: {3}."},
    // A declined checkout's reasons, by the decider's stable code (risk/policy_decider.cc,
    // credit/model_decider.cc); the English is the decider's own message.
    {"decline_reason_identity_mismatch",
     "The details you entered do not match the account registered to this email address",
     "Uppgifterna du angav stämmer inte med kontot som är registrerat på den här e-postadressen",
     "Die eingegebenen Daten stimmen nicht mit dem Konto überein, das auf diese E-Mail-Adresse registriert ist"},
    {"decline_reason_underage", "You must be at least 18 years old to use tranche",
     "Du måste vara minst 18 år för att använda tranche", "Du musst mindestens 18 Jahre alt sein, um tranche zu nutzen"},
    {"decline_reason_overdue_balance", "You have a payment that is past due. Please pay it first",
     "Du har en betalning som har förfallit. Betala den först",
     "Du hast eine überfällige Zahlung. Bitte bezahle sie zuerst"},
    {"decline_reason_amount_outside_product_limits", "This payment option is not available for this purchase amount",
     "Det här betalsättet finns inte för det här köpbeloppet",
     "Diese Zahlungsart ist für diesen Kaufbetrag nicht verfügbar"},
    {"decline_reason_exceeds_available_credit",
     "This purchase is more than your available spending limit with tranche",
     "Köpet är större än det du har kvar att handla för hos tranche",
     "Dieser Kauf übersteigt deinen verfügbaren Ausgaberahmen bei tranche"},
    {"decline_reason_credit_assessment", "Our assessment of your credit history and this purchase",
     "Vår bedömning av din kredithistorik och det här köpet",
     "Unsere Bewertung deiner Kreditgeschichte und dieses Kaufs"},
    {"no_declines", "I can't see a declined purchase on your account.", "Jag ser inget nekat köp på ditt konto.",
     "Ich sehe keinen abgelehnten Kauf auf deinem Konto."},
    {"limit", "Your spending limit is {0}, and you have {1} of it available to spend.",
     "Din köpgräns är {0}, och du har {1} kvar att handla för.", "Dein Ausgabelimit beträgt {0}, davon sind {1} verfügbar."},
    {"limit_unknown", "You don't have a spending limit yet; it's set by our credit check the first time you buy.",
     "Du har ingen köpgräns ännu; den sätts av vår kreditprövning första gången du handlar.",
     "Du hast noch kein Ausgabelimit; es wird bei deinem ersten Kauf durch unsere Kreditprüfung festgelegt."},
    {"limit_no_change",
     "I can't change your spending limit in chat — limits are set by our credit checks when you make a purchase.",
     "Jag kan inte ändra din köpgräns i chatten — gränsen sätts av vår kreditprövning när du handlar.",
     "Ich kann dein Ausgabelimit im Chat nicht ändern — es wird bei einem Kauf durch unsere Kreditprüfung festgelegt."},
    {"apr_plan", "Your {0} plan has an APR of {1}.", "Din plan hos {0} har en effektiv ränta (APR) på {1}.",
     "Dein Plan bei {0} hat einen effektiven Jahreszins (APR) von {1}."},
    {"apr_free", "Pay in 4 and pay in 30 carry no interest (0 % APR); only financing plans have an APR.",
     "Dela upp på 4 och betala inom 30 dagar är räntefria (0 % APR); bara finansiering har ränta.",
     "Zahlen in 4 Raten und in 30 Tagen sind zinsfrei (0 % APR); nur Finanzierungen haben einen Zinssatz."},
    {"email_change",
     "You can change your email address yourself under Account → Profile settings in the app or on the website. For your security I can't change it in chat.",
     "Du kan själv ändra din e-postadress under Konto → Profilinställningar i appen eller på webbplatsen. Av säkerhetsskäl kan jag inte ändra den i chatten.",
     "Du kannst deine E-Mail-Adresse selbst unter Konto → Profileinstellungen in der App oder auf der Website ändern. Aus Sicherheitsgründen kann ich sie im Chat nicht ändern."},
    {"confirm_pay", "I'll charge {0} to your {1} ending in {2} for your {3} purchase. Reply yes to confirm, or no to cancel.",
     "Jag drar {0} från ditt {1} som slutar på {2} för ditt köp hos {3}. Svara ja för att bekräfta eller nej för att avbryta.",
     "Ich buche {0} von deiner {1} mit der Endung {2} für deinen Kauf bei {3} ab. Antworte mit ja zum Bestätigen oder nein zum Abbrechen."},
    {"fees_in_the_sum", "Of what you owe on your {0} purchase, {1} is late fees.",
     "Av det du är skyldig för ditt köp hos {0} är {1} förseningsavgifter.",
     "Von dem, was du für deinen Kauf bei {0} schuldest, sind {1} Mahngebühren."},
    {"confirm_payoff",
     "Paying off your {0} purchase today costs {1}. I'll charge it to your {2} ending in {3}, and the plan will be fully paid. Reply yes to confirm, or no to cancel.",
     "Att lösa ditt köp hos {0} i dag kostar {1}. Jag drar det från ditt {2} som slutar på {3}, och planen blir helt betald. Svara ja för att bekräfta eller nej för att avbryta.",
     "Die Ablösung deines Kaufs bei {0} kostet heute {1}. Ich buche den Betrag von deiner {2} mit der Endung {3} ab, und der Plan ist vollständig bezahlt. Antworte mit ja zum Bestätigen oder nein zum Abbrechen."},
    {"payoff_quote",
     "Paying off your {0} purchase today would cost {1}. Nothing has been charged; tell me when you want to pay it off.",
     "Att lösa ditt köp hos {0} i dag skulle kosta {1}. Inget har dragits; säg till när du vill lösa det.",
     "Die Ablösung deines Kaufs bei {0} würde heute {1} kosten. Es wurde nichts abgebucht; sag Bescheid, wenn du ablösen möchtest."},
    {"payoff_interest_to_date",
     "Paying off early costs nothing extra: you pay interest only up to the day you pay it off.",
     "Att lösa i förtid kostar inget extra: du betalar ränta bara fram till den dag du löser det.",
     "Eine vorzeitige Ablösung kostet nichts extra: Du zahlst Zinsen nur bis zum Tag der Ablösung."},
    {"confirm_extend",
     "I'll move payment {0} ({1}) of your {2} purchase from {3} to {4}, {5} days later. Each plan can be extended once. Reply yes to confirm, or no to cancel.",
     "Jag flyttar betalning {0} ({1}) för ditt köp hos {2} från {3} till {4}, {5} dagar senare. Varje plan kan förlängas en gång. Svara ja för att bekräfta eller nej för att avbryta.",
     "Ich verschiebe Zahlung {0} ({1}) deines Kaufs bei {2} vom {3} auf den {4}, {5} Tage später. Jeder Plan kann einmal verlängert werden. Antworte mit ja zum Bestätigen oder nein zum Abbrechen."},
    {"confirm_method",
     "I'll replace your {0} ending in {1} with the card ending in {2} for all future payments. Reply yes to confirm, or no to cancel.",
     "Jag byter ut ditt {0} som slutar på {1} mot kortet som slutar på {2} för alla framtida betalningar. Svara ja för att bekräfta eller nej för att avbryta.",
     "Ich ersetze deine {0} mit der Endung {1} für alle künftigen Zahlungen durch die Karte mit der Endung {2}. Antworte mit ja zum Bestätigen oder nein zum Abbrechen."},
    {"confirm_dispute", "Reply yes to report it, or no to leave it.", "Svara ja för att rapportera det eller nej för att låta bli.",
     "Antworte mit ja, um es zu melden, oder nein, um es zu lassen."},
    {"done_pay", "Done: {0} was paid on your {1} purchase. You now owe {2} on it.",
     "Klart: {0} är betalt för ditt köp hos {1}. Du har nu {2} kvar att betala.",
     "Erledigt: {0} wurde für deinen Kauf bei {1} bezahlt. Du schuldest jetzt noch {2}."},
    {"done_payoff", "Done: {0} was paid and your {1} purchase is fully paid off.",
     "Klart: {0} är betalt och ditt köp hos {1} är helt slutbetalt.",
     "Erledigt: {0} wurde bezahlt und dein Kauf bei {1} ist vollständig abbezahlt."},
    {"pay_failed", "The payment of {0} didn't go through ({1}), so nothing was paid. You can try another card.",
     "Betalningen på {0} gick inte igenom ({1}), så inget betalades. Du kan prova ett annat kort.",
     "Die Zahlung von {0} ist nicht durchgegangen ({1}), es wurde also nichts bezahlt. Du kannst eine andere Karte versuchen."},
    {"pay_pending", "The payment of {0} is being processed; I'll show it here once it's confirmed.",
     "Betalningen på {0} behandlas; den syns här när den är bekräftad.",
     "Die Zahlung von {0} wird bearbeitet; sie erscheint hier, sobald sie bestätigt ist."},
    {"done_extend", "Done: payment {0} of your {1} purchase is now due on {2}.",
     "Klart: betalning {0} för ditt köp hos {1} förfaller nu {2}.",
     "Erledigt: Zahlung {0} deines Kaufs bei {1} ist jetzt am {2} fällig."},
    {"done_method", "Done: future payments will be taken from your card ending in {0}.",
     "Klart: framtida betalningar dras från ditt kort som slutar på {0}.",
     "Erledigt: Künftige Zahlungen werden von deiner Karte mit der Endung {0} abgebucht."},
    {"done_dispute", "Done: the problem with your {0} purchase is reported, and its payments are paused for 21 days, until {1}.",
     "Klart: problemet med ditt köp hos {0} är rapporterat och betalningarna är pausade i 21 dagar, till {1}.",
     "Erledigt: Das Problem mit deinem Kauf bei {0} ist gemeldet, und die Zahlungen sind 21 Tage pausiert, bis {1}."},
    {"action_refused", "I couldn't do that: {0}. Nothing was changed.", "Det gick inte: {0}. Inget har ändrats.",
     "Das ging nicht: {0}. Es wurde nichts geändert."},
    {"cancelled", "OK, I haven't changed anything.", "Okej, jag har inte ändrat något.", "Okay, ich habe nichts geändert."},
    {"pending_reminder",
     "I didn't quite follow that. The change I described is still waiting: reply yes to confirm it, or no to cancel.",
     "Det där förstod jag inte riktigt. Ändringen jag beskrev väntar fortfarande: svara ja för att bekräfta den eller nej för att avbryta.",
     "Das habe ich nicht ganz verstanden. Die beschriebene Änderung wartet noch: Antworte mit ja zum Bestätigen oder nein zum Abbrechen."},
    {"handoff_purchase", "They'll look at your {0} purchase.", "De tittar på ditt köp hos {0}.",
     "Sie sehen sich deinen Kauf bei {0} an."},
    {"pending_card", "Yes: it's taken from your card ending in {0}.", "Ja: det dras från ditt kort som slutar på {0}.",
     "Ja: Es wird von deiner Karte mit der Endung {0} abgebucht."},
    {"pending_scope", "Only that: {0} for your {1} purchase, and nothing else changes.",
     "Bara det: {0} för ditt köp hos {1}, och inget annat ändras.",
     "Nur das: {0} für deinen Kauf bei {1}, sonst ändert sich nichts."},
    {"pending_method", "Yes: once you confirm, your payments are taken from the card ending in {0}, starting with the next one.",
     "Ja: när du har bekräftat dras dina betalningar från kortet som slutar på {0}, med början från nästa.",
     "Ja: Sobald du bestätigst, werden deine Zahlungen ab der nächsten von der Karte mit der Endung {0} abgebucht."},
    {"method_free", "Changing your card is free.", "Det kostar inget att byta kort.",
     "Die Karte zu wechseln ist kostenlos."},
    {"pending_still", "The change I described is still waiting: reply yes to confirm it, or no to cancel.",
     "Ändringen jag beskrev väntar fortfarande: svara ja för att bekräfta den eller nej för att avbryta.",
     "Die beschriebene Änderung wartet noch: Antworte mit ja zum Bestätigen oder nein zum Abbrechen."},
    {"nothing_pending", "There's nothing waiting for your confirmation. What can I help you with?",
     "Det finns inget som väntar på din bekräftelse. Vad kan jag hjälpa dig med?",
     "Es wartet nichts auf deine Bestätigung. Wobei kann ich helfen?"},
    {"refuse_overpay", "I can't take {0}: that's more than the {1} you owe on {2}. I can take at most {1}.",
     "Jag kan inte dra {0}: det är mer än de {1} du är skyldig för {2}. Jag kan dra högst {1}.",
     "Ich kann {0} nicht abbuchen: Das ist mehr als die {1}, die du für {2} schuldest. Höchstens {1} ist möglich."},
    {"refuse_resplit",
     "A plan keeps the instalments agreed at purchase, so I can't split your {0} purchase differently: it has {1} instalment(s).",
     "En plan behåller delbetalningarna som avtalades vid köpet, så jag kan inte dela upp ditt köp hos {0} på ett annat sätt: det har {1} delbetalning(ar).",
     "Ein Plan behält die beim Kauf vereinbarten Raten, daher kann ich deinen Kauf bei {0} nicht anders aufteilen: er hat {1} Rate(n)."},
    {"refuse_second_extension",
     "Your {0} plan has already used its one extension (the due date was already moved once), so I can't extend it again.",
     "Din plan hos {0} har redan använt sin enda förlängning (förfallodagen har redan flyttats en gång), så jag kan inte förlänga den igen.",
     "Dein Plan bei {0} hat seine eine Verlängerung bereits genutzt (das Fälligkeitsdatum wurde schon einmal verschoben), daher kann ich ihn nicht erneut verlängern."},
    {"refuse_long_extension",
     "An extension can be at most 14 days, so I can't move it by {0} days.",
     "En förlängning kan vara högst 14 dagar, så jag kan inte flytta den {0} dagar.",
     "Eine Verlängerung ist höchstens 14 Tage möglich, daher kann ich sie nicht um {0} Tage verschieben."},
    {"no_exception", "I understand, but the rules are the same for every customer, so I can't make an exception.",
     "Jag förstår, men reglerna är desamma för alla kunder, så jag kan inte göra något undantag.",
     "Ich verstehe dich, aber die Regeln gelten für alle gleich, daher kann ich keine Ausnahme machen."},
    {"extension_max", "An extension moves a payment by at most 14 days, and each plan can be extended once.",
     "En förlängning flyttar en betalning högst 14 dagar, och varje plan kan förlängas en gång.",
     "Eine Verlängerung verschiebt eine Zahlung um höchstens 14 Tage, und jeder Plan kann einmal verlängert werden."},
    {"refuse_overdue_extension", "Payment {0} is already past due, so it can't be extended; you can pay it now instead.",
     "Betalning {0} har redan förfallit och kan inte förlängas; du kan betala den nu i stället.",
     "Zahlung {0} ist bereits überfällig und kann nicht verlängert werden; du kannst sie stattdessen jetzt bezahlen."},
    {"refuse_paused", "Payments on your {0} purchase are paused until {1}, so nothing is due until then.",
     "Betalningarna för ditt köp hos {0} är pausade till {1}, så inget förfaller innan dess.",
     "Die Zahlungen für deinen Kauf bei {0} sind bis {1} pausiert, bis dahin ist nichts fällig."},
    {"refuse_in_flight", "A payment on {0} is still being processed; please wait until it has gone through.",
     "En betalning för {0} behandlas fortfarande; vänta tills den har gått igenom.",
     "Eine Zahlung für {0} wird noch bearbeitet; bitte warte, bis sie durch ist."},
    {"ask_plan", "Which purchase do you mean: {0}?", "Vilket köp menar du: {0}?", "Welchen Kauf meinst du: {0}?"},
    {"ask_last4", "Which card should I use? Tell me only its last four digits — never the full number.",
     "Vilket kort ska jag använda? Ange bara de fyra sista siffrorna — aldrig hela numret.",
     "Welche Karte soll ich verwenden? Nenne mir nur die letzten vier Ziffern — nie die ganze Nummer."},
    {"same_card", "Your payments already use the card ending in {0}.", "Dina betalningar använder redan kortet som slutar på {0}.",
     "Deine Zahlungen laufen bereits über die Karte mit der Endung {0}."},
    {"unknown_plan", "I can't find that purchase on your account, so I can't do anything with it.",
     "Jag hittar inte det köpet på ditt konto, så jag kan inte göra något med det.",
     "Ich finde diesen Kauf in deinem Konto nicht und kann daher nichts damit tun."},
    {"card_details_refused",
     "For your security I never show a full card number or its expiry date, in chat or anywhere else.",
     "Av säkerhetsskäl visar jag aldrig ett helt kortnummer eller dess utgångsdatum, varken i chatten eller någon annanstans.",
     "Aus Sicherheitsgründen zeige ich nie eine vollständige Kartennummer oder ihr Ablaufdatum, weder im Chat noch anderswo."},
    {"card_number_refused",
     "Please never share a full card number in chat — I haven't stored it. I only ever need the last four digits.",
     "Dela aldrig ett helt kortnummer i chatten — jag har inte sparat det. Jag behöver bara de fyra sista siffrorna.",
     "Bitte teile nie eine vollständige Kartennummer im Chat — ich habe sie nicht gespeichert. Ich brauche immer nur die letzten vier Ziffern."},
    {"third_party_card",
     "I can only use a payment method in your own name, so I can't add someone else's card. Please use your own card or bank account.",
     "Jag kan bara använda en betalningsmetod i ditt eget namn, så jag kan inte lägga till någon annans kort. Använd ditt eget kort eller bankkonto.",
     "Ich kann nur ein Zahlungsmittel auf deinen eigenen Namen verwenden und daher keine fremde Karte hinzufügen. Bitte nutze deine eigene Karte oder dein eigenes Konto."},
    {"other_consumer",
     "I can't look up or share anything about another person's account, including whether they have one — I can only help with your own account.",
     "Jag kan inte söka upp eller dela något om någon annans konto, inte heller om personen har ett — jag kan bara hjälpa dig med ditt eget konto.",
     "Ich kann keine Informationen über das Konto einer anderen Person abrufen oder weitergeben, auch nicht, ob es existiert — ich helfe nur mit deinem eigenen Konto."},
    {"injection",
     "I can't follow instructions like that. I can only act on your own account, within the normal rules, after you confirm.",
     "Jag kan inte följa sådana instruktioner. Jag kan bara agera på ditt eget konto, enligt de vanliga reglerna och efter din bekräftelse.",
     "Solchen Anweisungen kann ich nicht folgen. Ich handle nur für dein eigenes Konto, nach den üblichen Regeln und nach deiner Bestätigung."},
    {"staff_claim",
     "I can't accept claims of staff or special authority in chat; I treat every chat as the account holder and follow the normal rules.",
     "Jag kan inte godta påståenden om att vara personal eller ha särskild behörighet i chatten; jag behandlar varje chatt som kontoinnehavaren och följer de vanliga reglerna.",
     "Angaben zu Mitarbeiter- oder Sonderrechten kann ich im Chat nicht akzeptieren; ich behandle jeden Chat als Kontoinhaber und halte mich an die üblichen Regeln."},
    {"handoff", "I'm handing this over to a colleague, who will reply here. They'll see a summary of what we've discussed, so you won't need to repeat yourself.",
     "Jag lämnar över till en kollega som svarar här. Hen ser en sammanfattning av vad vi har pratat om, så du behöver inte upprepa dig.",
     "Ich übergebe an eine Kollegin oder einen Kollegen, die hier antworten. Sie sehen eine Zusammenfassung unseres Gesprächs, du musst also nichts wiederholen."},
    {"handoff_fee_waiver", "I can't remove fees myself; a colleague can review your request.",
     "Jag kan inte ta bort avgifter själv; en kollega kan granska din begäran.",
     "Gebühren kann ich nicht selbst erlassen; eine Kollegin oder ein Kollege kann deine Anfrage prüfen."},
    {"handoff_hardship", "I'm sorry you're going through a hard time. There are options, and a colleague can go through them with you.",
     "Vad tråkigt att du har det svårt. Det finns alternativ, och en kollega kan gå igenom dem med dig.",
     "Es tut mir leid, dass es gerade schwierig ist. Es gibt Möglichkeiten, die eine Kollegin oder ein Kollege mit dir durchgehen kann."},
    {"handoff_bereavement", "I'm very sorry for your loss. A colleague will help you with the account with care.",
     "Jag beklagar verkligen din förlust. En kollega hjälper dig varsamt med kontot.",
     "Mein aufrichtiges Beileid. Eine Kollegin oder ein Kollege hilft dir einfühlsam mit dem Konto."},
    {"handoff_complaint", "I'm sorry about your experience. I've recorded your complaint for a colleague to handle.",
     "Jag beklagar din upplevelse. Jag har registrerat ditt klagomål så att en kollega kan hantera det.",
     "Es tut mir leid, was du erlebt hast. Ich habe deine Beschwerde für eine Kollegin oder einen Kollegen aufgenommen."},
    {"handoff_legal", "I understand. Matters like this are handled by our team directly.",
     "Jag förstår. Sådana ärenden hanteras direkt av vårt team.", "Ich verstehe. Solche Anliegen bearbeitet unser Team direkt."},
    {"handoff_close_account", "Closing an account is done by a colleague, who will check everything is settled first.",
     "Att avsluta ett konto görs av en kollega, som först kontrollerar att allt är reglerat.",
     "Die Kontoschließung übernimmt eine Kollegin oder ein Kollege, die zuerst prüfen, ob alles beglichen ist."},
    {"handoff_delete_data", "Requests to delete personal data are handled by a colleague under data protection rules.",
     "Begäran om att radera personuppgifter hanteras av en kollega enligt dataskyddsreglerna.",
     "Anfragen zur Löschung personenbezogener Daten bearbeitet eine Kollegin oder ein Kollege nach den Datenschutzregeln."},
    {"handoff_fraud", "I'm sorry — a colleague from our security team will look into this with you.",
     "Tråkigt — en kollega från vårt säkerhetsteam tittar på detta med dig.",
     "Das tut mir leid — eine Kollegin oder ein Kollege aus unserem Sicherheitsteam sieht sich das mit dir an."},
    {"handoff_misunderstood", "I'm sorry I haven't been able to understand you.", "Förlåt att jag inte har förstått dig.",
     "Entschuldige, dass ich dich nicht verstanden habe."},
    {"handoff_waiting", "A colleague has your conversation and will reply here.",
     "En kollega har din konversation och svarar här.", "Eine Kollegin oder ein Kollege hat dein Gespräch und antwortet hier."},
};

const Template& Find(std::string_view id) {
  for (const Template& t : kTemplates) {
    if (t.id == id) return t;
  }
  TRANCHE_ASSERT_MSG(false, "unknown reply template");
  return kTemplates[0];
}

std::string Fill(std::string_view text, std::initializer_list<std::string> args) {
  std::string out;
  out.reserve(text.size() + 64);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' && text[i + 1] <= '9') {
      const auto k = static_cast<std::size_t>(text[i + 1] - '0');
      TRANCHE_ASSERT_MSG(k < args.size(), "a reply template needs more arguments");
      out += *(args.begin() + k);
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::set<char> Placeholders(std::string_view s) {
  std::set<char> out;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] == '{' && s[i + 2] == '}') out.insert(s[i + 1]);
  }
  return out;
}

// "1234567" → "1,234,567" with `sep`.
std::string Group(std::uint64_t whole, char sep) {
  std::string digits = std::to_string(whole);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return out;
}

constexpr std::array<std::string_view, 12> kMonthsEn = {"January", "February", "March",     "April",   "May",      "June",
                                                         "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthsSv = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                                                         "juli",    "augusti",  "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthsDe = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
                                                         "Juli",   "August",  "September", "Oktober", "November", "Dezember"};

}  // namespace

bool Replies::Has(std::string_view id) {
  return std::any_of(std::begin(kTemplates), std::end(kTemplates), [id](const Template& t) { return t.id == id; });
}

std::string Replies::Say(std::string_view id, std::initializer_list<std::string> args) const {
  const Template& t = Find(id);
  switch (language_) {
    case Language::kEnglish: return Fill(t.en, args);
    case Language::kSwedish: return Fill(t.sv, args);
    case Language::kGerman: return Fill(t.de, args);
  }
  return Fill(t.en, args);
}

std::string Replies::Amount(std::int64_t minor, Currency c) const {
  const bool negative = minor < 0;
  const std::uint64_t abs = negative ? static_cast<std::uint64_t>(-(minor + 1)) + 1 : static_cast<std::uint64_t>(minor);
  std::string cents = std::to_string(abs % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  const std::string sign = negative ? "-" : "";
  if (language_ == Language::kEnglish) {
    const std::string number = Group(abs / 100, ',') + "." + cents;
    switch (c) {
      case Currency::kUSD: return sign + "$" + number;
      case Currency::kEUR: return sign + "€" + number;
      case Currency::kGBP: return sign + "£" + number;
      case Currency::kSEK: return sign + number + " kr";
    }
  }
  const std::string number = Group(abs / 100, language_ == Language::kGerman ? '.' : ' ') + "," + cents;
  switch (c) {
    case Currency::kUSD: return sign + number + " USD";
    case Currency::kEUR: return sign + number + " €";
    case Currency::kGBP: return sign + number + " GBP";
    case Currency::kSEK: return sign + number + " kr";
  }
  return sign + number;
}

std::string Replies::Day(Date d) const {
  const auto month = static_cast<unsigned>(d.month()) - 1;
  const std::string day = std::to_string(static_cast<unsigned>(d.day()));
  const std::string year = std::to_string(static_cast<int>(d.year()));
  switch (language_) {
    case Language::kEnglish: return std::string(kMonthsEn[month]) + " " + day + ", " + year;
    case Language::kSwedish: return day + " " + std::string(kMonthsSv[month]) + " " + year + " (" + FormatDate(d) + ")";
    case Language::kGerman: return day + ". " + std::string(kMonthsDe[month]) + " " + year + " (" + FormatDate(d) + ")";
  }
  return FormatDate(d);
}

std::string Replies::Percent(std::int64_t bps) const {
  std::string frac = std::to_string(bps % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return std::to_string(bps / 100) + (language_ == Language::kEnglish ? "." : ",") + frac + " %";
}

namespace {

// "a, b" + last_separator + "c".
std::string Join(const std::vector<std::string>& items, std::string_view last_separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(last_separator) : std::string(", ");
    out += items[i];
  }
  return out;
}

}  // namespace

std::string Replies::List(const std::vector<std::string>& items) const {
  return Join(items, language_ == Language::kSwedish ? " och " : language_ == Language::kGerman ? " und " : " and ");
}

std::string Replies::Choice(const std::vector<std::string>& items) const {
  return Join(items, language_ == Language::kSwedish ? " eller " : language_ == Language::kGerman ? " oder " : " or ");
}

bool TemplatesConsistent(std::string* problem) {
  std::set<std::string_view> ids;
  for (const Template& t : kTemplates) {
    if (!ids.insert(t.id).second) {
      *problem = "duplicate template " + std::string(t.id);
      return false;
    }
    if (t.en.empty() || t.sv.empty() || t.de.empty()) {
      *problem = "empty translation of " + std::string(t.id);
      return false;
    }
    if (Placeholders(t.en) != Placeholders(t.sv) || Placeholders(t.en) != Placeholders(t.de)) {
      *problem = "placeholders differ in " + std::string(t.id);
      return false;
    }
  }
  return true;
}

}  // namespace tranche::assist
