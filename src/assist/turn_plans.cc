// Which of the consumer's plans a turn speaks of (turn.h).
#include "assist/turn.h"

#include "lending/schedule.h"
#include "servicing/servicing.h"

namespace tranche::assist::policy_detail {

std::vector<const PlanFacts*> Turn::ActivePlansOrAll() const {
  std::vector<const PlanFacts*> out;
  for (const auto& p : account_.plans) {
    if (p.active) out.push_back(&p);
  }
  if (out.empty()) {
    for (const auto& p : account_.plans) out.push_back(&p);
  }
  return out;
}

std::vector<std::string> Turn::MerchantNames(const std::vector<const PlanFacts*>& plans) {
  std::vector<std::string> names;
  for (const PlanFacts* p : plans) names.push_back(p->merchant);
  return names;
}

// The plans as a question names them: the shop, and the purchase's sum beside a shop
// named twice ("Oakline Home ($220.00) or Oakline Home ($84.00)").
std::vector<std::string> Turn::PlanLabels(const std::vector<const PlanFacts*>& plans) const {
  std::vector<std::string> labels;
  for (const PlanFacts* p : plans) {
    const auto same_shop = std::count_if(plans.begin(), plans.end(),
                                         [&](const PlanFacts* q) { return q->merchant == p->merchant; });
    labels.push_back(same_shop > 1 ? p->merchant + " (" + Money(p->amount_minor, p->currency) + ")" : p->merchant);
  }
  return labels;
}

// Of `plans`, the one whose purchase came to the sum the message names ("the 84 one",
// "the order for $84.00"); nothing when none or several did.
const PlanFacts* Turn::PlanOfTheSumNamed(const std::vector<const PlanFacts*>& plans) const {
  const auto sum = FindAmount(folded_, true);
  if (!sum || !sum->minor) return nullptr;
  const PlanFacts* found = nullptr;
  for (const PlanFacts* p : plans) {
    if (p->amount_minor != *sum->minor) continue;
    if (found != nullptr) return nullptr;
    found = p;
  }
  return found;
}

// The plans the message is about: the merchant it names, else the only candidate,
// else the plan last talked about; otherwise every candidate (ambiguous).
// "the one I bought last", "den senaste", "den teuersten": of `candidates`, the one a
// superlative of when it was bought (or, of payments, paid) or of its price picks, if
// exactly one.
bool Turn::SpeaksOfPayments() const {
  return HasAnyPhrase(folded_, {"payment", "payments", "charge", "instalment", "installment", "betalning",
                                "betalningen", "betalningar", "dragning", "zahlung", "zahlungen", "abbuchung",
                                "rate"});
}

const PlanFacts* Turn::PlanBySuperlative(const std::vector<const PlanFacts*>& candidates) const {
  const bool newest = HasAnyPhrase(folded_, {"bought last", "bought most recently", "made most recently",
                                             "most recent", "newest", "latest purchase", "latest one",
                                             "the last one i bought", "senaste köpet", "senast köpta",
                                             "den senaste", "det senaste", "zuletzt", "neueste", "neuesten",
                                             "letzten kauf", "jüngsten"});
  const bool oldest = HasAnyPhrase(folded_, {"bought first", "oldest", "first one i bought", "first purchase",
                                             "äldsta", "första köpet", "ältesten", "älteste", "ersten kauf"});
  const bool cheapest = HasAnyPhrase(folded_, {"cheaper", "cheapest", "less expensive", "least expensive",
                                               "billigare", "billigaste", "billigere", "billigeren", "billigste",
                                               "billigsten", "günstigere", "günstigeren", "günstigste"});
  const bool dearest = HasAnyPhrase(folded_, {"more expensive", "most expensive", "pricier", "priciest",
                                              "dearer", "dyrare", "dyraste", "teurere", "teureren", "teuerste",
                                              "teuersten"});
  if (newest + oldest + cheapest + dearest != 1) return nullptr;

  const auto pick = [&](auto less) -> const PlanFacts* {
    const auto it = std::max_element(candidates.begin(), candidates.end(), less);
    const auto ties = std::count_if(candidates.begin(), candidates.end(),
                                    [&](const PlanFacts* p) { return !less(p, *it) && !less(*it, p); });
    return ties == 1 ? *it : nullptr;
  };
  // "what was my most recent payment?": of payments, the plan paid last (a plan never
  // paid comes first).
  const auto paid_before = [](const PlanFacts* a, const PlanFacts* b) {
    if (!b->last_payment) return false;
    return !a->last_payment || a->last_payment->on < b->last_payment->on;
  };
  const auto bought_before = [&](const PlanFacts* a, const PlanFacts* b) {
    return SpeaksOfPayments() ? paid_before(a, b) : a->purchased_at < b->purchased_at;
  };
  const auto costs_less = [](const PlanFacts* a, const PlanFacts* b) { return a->amount_minor < b->amount_minor; };
  if (newest) return pick(bought_before);
  if (oldest) return pick([&](const PlanFacts* a, const PlanFacts* b) { return bought_before(b, a); });
  if (dearest) return pick(costs_less);
  return pick([&](const PlanFacts* a, const PlanFacts* b) { return costs_less(b, a); });
}

// The one of `names` the text names, if it names exactly one.
std::optional<std::size_t> Turn::NamedAlone(std::string_view t, const std::vector<std::string>& names) {
  std::optional<std::size_t> found;
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (!MatchMerchant(t, {names[k]})) continue;
    if (found) return std::nullopt;
    found = k;
  }
  return found;
}

Turn::ShopOfWord Turn::ShopsOfThingsTold(const std::vector<std::string>& names) const {
  constexpr std::size_t kMinLettersOfAThing = 4;
  ShopOfWord shop_of_word;
  for (std::string_view t : Sentences(folded_)) {
    for (std::size_t begin = 0; begin <= t.size();) {
      const std::size_t end = std::min(t.find(',', begin), t.size());
      const std::string_view piece = t.substr(begin, end - begin);
      begin = end + 1;
      const auto k = NamedAlone(piece, names);
      if (!k) continue;
      for (const std::string& w : Words(piece)) {
        if (w.size() < kMinLettersOfAThing || HasPhrase(Fold(names[*k]), w)) continue;
        const auto [it, fresh] = shop_of_word.try_emplace(w, k);
        if (!fresh && it->second != k) it->second.reset();
      }
    }
  }
  return shop_of_word;
}

// Which of `names` a sentence speaks of: the one it names alone, else the one whose
// things it names as the message told of them (`told`, ShopsOfThingsTold): "… the next
// payment for the pram?". Nothing when none or several are.
std::optional<std::size_t> Turn::MerchantOfSentence(std::string_view sentence, const std::vector<std::string>& names,
                                                     const ShopOfWord& told) {
  if (const auto k = NamedAlone(sentence, names)) return k;
  std::optional<std::size_t> found;
  for (const std::string& w : Words(sentence)) {
    const auto it = told.find(w);
    if (it == told.end() || !it->second) continue;
    if (found && *found != *it->second) return std::nullopt;
    found = it->second;
  }
  return found;
}

// "… so I was wondering if I could pay the next Lumen Home instalment now? The Crisp
// Tech headphones can stay as they are": of the shops a long message names, the one
// named in the sentences that ask for something, leaving out those that say to leave
// a purchase as it is.
const PlanFacts* Turn::PlanOfTheAskingSentence(const std::vector<const PlanFacts*>& candidates) const {
  return PlanOfTheSentences(candidates, [](std::string_view t) {
    const bool asks = HasAnyPhrase(t, {"could i", "can i", "could you", "can you", "would you", "i'd like",
                                       "i would like", "i want", "i'd love", "i would love", "please",
                                       "wondering if", "würde ich gerne", "möchte ich", "ich möchte",
                                       "könnten sie", "können sie", "kannst du", "skulle gärna", "jag vill",
                                       "vill jag", "kan du", "kan jag", "skulle jag kunna"});
    const bool left = HasAnyPhrase(t, {"can stay", "stay as", "as it is", "as they are", "leave", "can wait",
                                       "happy with", "får vara", "kan vänta", "lassen wir", "wie sie sind",
                                       "so lassen", "kann warten"});
    return asks && !left;
  });
}

// Of `candidates`, those named in the message's questions ("Wann ist die nächste Zahlung
// für Little Acorns …? Und wann ist die Zahlung für Glimmer fällig?"), by name, or by the
// goods their shops sell where a question names no shop ("whens the uniform payment n how
// much? n the party stuff one": what follows the last question mark after "and" asks
// too; a message that asks with no question mark is its own question). Shops named only
// in the story around the question ("the books and the outdoor
// gear from Northwind … what the next Northwind payment is", "What do I owe on Crisp
// Tech? Thanks, the Northwind tent arrived fine") are not asked after, nor goods beside a
// shop named ("the laptop I got from Crisp Tech").
std::vector<const PlanFacts*> Turn::PlansAskedAfter(const std::vector<const PlanFacts*>& candidates) const {
  std::vector<std::string_view> questions = Questions(folded_);
  // "tidewater plan says paused why": a question with no question mark is the message.
  if (questions.empty() && AsksSomething(folded_)) questions.push_back(folded_);
  if (const std::size_t last = folded_.rfind('?'); last != std::string::npos) {
    const std::string_view rest = std::string_view(folded_).substr(last + 1);
    const std::vector<std::string> words = Words(rest);
    if (!words.empty() && In(words.front(), {"n", "and", "also", "plus", "och", "und"})) questions.push_back(rest);
  }
  std::vector<const PlanFacts*> asked;
  for (std::string_view q : questions) {
    std::vector<const PlanFacts*> by_name;
    std::vector<const PlanFacts*> by_goods;
    for (const PlanFacts* p : candidates) {
      if (NamesMerchant(q, p->merchant)) {
        by_name.push_back(p);
      } else if (MatchMerchant(q, {p->merchant})) {
        by_goods.push_back(p);
      }
    }
    for (const PlanFacts* p : by_name.empty() ? by_goods : by_name) {
      if (std::find(asked.begin(), asked.end(), p) == asked.end()) asked.push_back(p);
    }
  }
  return asked;
}

// The plans PlansAskedAfter finds, when they are of two or more shops; none otherwise.
std::vector<const PlanFacts*> Turn::PlansOfTwoShopsAskedAfter(const std::vector<const PlanFacts*>& candidates) const {
  std::vector<const PlanFacts*> named = PlansAskedAfter(candidates);
  const bool two_shops = std::any_of(named.begin(), named.end(),
                                     [&](const PlanFacts* p) { return p->merchant != named.front()->merchant; });
  return two_shops ? named : std::vector<const PlanFacts*>{};
}

std::vector<const PlanFacts*> Turn::SelectPlans(bool active_only) const {
  if (const PlanFacts* named = ModelPlan()) return {named};
  std::vector<const PlanFacts*> candidates;
  for (const auto& p : account_.plans) {
    if (!active_only || p.active) candidates.push_back(&p);
  }
  if (candidates.size() <= 1) return candidates;
  // "NOT the Kettle & Crumb one, the other one": of two, the one not named.
  if (negated_ && candidates.size() == 2) {
    const auto k = MatchMerchant(*negated_, MerchantNames(candidates));
    const std::string rest = folded_.substr(0, folded_.find(*negated_));
    const auto meant = MatchMerchant(rest, MerchantNames(candidates));  // "the shoes not the electronics"
    if (k && (!meant || *meant != *k)) return {candidates[1 - *k]};
  }
  // "next payments little acorns + glimmer?": a question naming two or more of their
  // shops is answered for each (a change is made to one plan, asked which).
  if (IsQuestionIntent(Intent())) {
    if (auto named = PlansOfTwoShopsAskedAfter(candidates); !named.empty()) return named;
  }
  if (auto k = MatchMerchant(folded_, MerchantNames(candidates))) {
    std::vector<const PlanFacts*> same;
    for (const PlanFacts* p : candidates) {
      if (p->merchant == candidates[*k]->merchant) same.push_back(p);
    }
    if (const PlanFacts* p = same.size() > 1 ? PlanOfTheSumNamed(same) : nullptr) return {p};
    return same;
  }
  if (const PlanFacts* p = PlanOfTheAskingSentence(candidates)) return {p};
  // "Oh right, the sunglasses. And what interest rate am I paying on the sofa
  // financing?": of two purchases named in two sentences, the last sentence's.
  if (const auto k = MatchMerchant(LastSentence(folded_), MerchantNames(candidates))) return {candidates[*k]};
  // "what about the other one?": of two, the one not in focus; "pay the other one now"
  // once it is, the same one.
  if (candidates.size() == 2 && !state_.focus_plan.empty() && SpeaksOfTheOtherPlan(folded_)) {
    for (std::size_t k = 0; k < 2; ++k) {
      if (candidates[k]->id == state_.focus_plan) return {candidates[state_.focus_is_the_other ? k : 1 - k]};
    }
  }
  // "It's the eighty-four dollar one, not the rug", asked which of two purchases.
  if (!state_.awaiting_intent.empty()) {
    if (const PlanFacts* p = PlanOfTheSumNamed(candidates)) return {p};
  }
  // "the smaller one", "den minsta", "den kleineren": of their plans, the one owing the
  // least (or, "the bigger one", the most).
  const bool smaller = HasAnyPhrase(folded_, {"smaller", "smallest", "small one", "small plan", "minsta", "mindre",
                                              "kleineren", "kleinere", "kleinste", "kleinsten"});
  const bool larger = HasAnyPhrase(folded_, {"bigger", "biggest", "larger", "largest", "big one", "big plan",
                                             "största", "större", "größeren", "größere", "größte", "größten"});
  if (smaller != larger) {
    const auto owes_less = [](const PlanFacts* a, const PlanFacts* b) { return a->outstanding_minor < b->outstanding_minor; };
    const auto it = smaller ? std::min_element(candidates.begin(), candidates.end(), owes_less)
                            : std::max_element(candidates.begin(), candidates.end(), owes_less);
    const auto ties = std::count_if(candidates.begin(), candidates.end(), [&](const PlanFacts* p) {
      return p->outstanding_minor == (*it)->outstanding_minor;
    });
    if (ties == 1) return {*it};
  }
  if (const PlanFacts* p = PlanBySuperlative(candidates)) return {p};
  // "the one due on the 9th": the plan with an unpaid instalment due that day.
  if (named_date_) {
    std::vector<const PlanFacts*> due_then;
    for (const PlanFacts* p : candidates) {
      const bool due =
          std::any_of(p->unpaid.begin(), p->unpaid.end(), [&](const InstalmentFacts& i) { return i.due == *named_date_; });
      if (due) due_then.push_back(p);
    }
    if (due_then.size() == 1) return due_then;
  }
  // "pay the late one", "whatever is overdue": the only plan with an overdue instalment.
  if (HasAnyPhrase(folded_, {"late one", "overdue", "missed", "behind", "past due", "försenad", "försenade",
                             "förfallen", "förfallna", "missade", "überfällig", "überfällige", "überfälligen",
                             "verpasst", "verpasste", "rückstand"})) {
    std::vector<const PlanFacts*> overdue;
    for (const PlanFacts* p : candidates) {
      const bool late =
          std::any_of(p->unpaid.begin(), p->unpaid.end(), [](const InstalmentFacts& i) { return i.overdue; });
      if (late) overdue.push_back(p);
    }
    if (overdue.size() == 1) return overdue;
  }
  for (const PlanFacts* p : candidates) {
    if (p->id == state_.focus_plan) return {p};
  }
  return candidates;
}

// One plan for a change, or a question (and nullptr) when the message leaves it open.
const PlanFacts* Turn::OnePlanFor(const std::string& intent) {
  if (const PlanFacts* named = ModelPlan()) {
    if (!named->active) {
      Say("nothing_due", {named->merchant});
      return nullptr;
    }
    d_.next.focus_plan = named->id;
    return named;
  }
  const auto plans = SelectPlans(true);
  if (plans.empty()) {
    Say("no_plans");
    return nullptr;
  }
  if (plans.size() > 1) {
    Say("ask_plan", {r_.Choice(PlanLabels(plans))});
    d_.next.awaiting_intent = intent;
    // "pay 30 bucks off one of my plans" → "lumen": the sum is kept for the answer.
    // "pay 120 on my plan": a bare number beside paying is the sum, as Pay reads it.
    if (intent == "pay_now" || intent == "payoff") {
      const auto slot = FindAmount(folded_, intent == "pay_now");
      d_.next.awaiting_amount_minor = slot && slot->minor ? *slot->minor : NamedAmount().value_or(0);
    }
    return nullptr;
  }
  d_.next.focus_plan = plans.front()->id;
  return plans.front();
}

void Turn::Focus(const std::vector<const PlanFacts*>& plans) {
  if (plans.size() == 1) d_.next.focus_plan = plans.front()->id;
}

}  // namespace tranche::assist::policy_detail
