// Handling times and staffing assumptions of the automation scorecard: what a person
// takes per item of each kind of work, and how contact work is staffed. The simulator
// reads them from its configuration (sim/config.h, "staffing"); the server scores its
// stored work with the defaults.
#pragma once

namespace tranche::automation {

struct Staffing {
  double contact_aht_s = 420;          // customer, assistant and collections contacts
  double service_level = 0.8;          // answered within the target
  double target_answer_s = 60;
  double shrinkage = 0.35;             // breaks, training, absence
  double fte_hours_per_week = 37.5;
  double dispute_minutes = 25;
  double manual_review_minutes = 12;   // a fraud review of a held authorization
  double recon_exception_minutes = 15;
  double onboarding_review_minutes = 45;
  double credit_decision_minutes = 8;  // a person deciding without the model
};

}  // namespace tranche::automation
