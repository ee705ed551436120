// The profile stage: time attribution under CPython. It waits for the profile analysis; until
// then the native-share criterion rests on the C-API dependencies alone.

#include "app/check/stages.h"

namespace pypyready::app::check {

StageReport run_profile_stage(CheckContext&) {
  return {"not-run", "profiling is not available in this version"};
}

}  // namespace pypyready::app::check
