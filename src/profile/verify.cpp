#include <algorithm>

#include "profile/report.h"

namespace pypyready::profile {

Verification verify_prediction(const Prediction& prediction, double measured, double ci_low, double ci_high) {
  Verification out;
  out.measured = measured;
  out.ci_low = ci_low;
  out.ci_high = ci_high;
  out.within_range = measured >= prediction.speedup_low && measured <= prediction.speedup_high;
  double middle = range_middle(prediction);
  if (measured > 0 && middle > 0) out.error_factor = std::max(measured / middle, middle / measured);
  out.predicted_direction = direction_of(middle);
  out.measured_direction = direction_of(measured);
  return out;
}

}  // namespace pypyready::profile
