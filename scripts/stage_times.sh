# Sourced by the set-up and test scripts: `stage NAME CMD…` runs CMD and, when
# TRAJC_STAGE_LOG names a file (.ci/run sets it), appends "NAME SECONDS" to it, so that
# .ci/run can print where its time went.
stage() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  if [ -n "${TRAJC_STAGE_LOG:-}" ]; then
    printf '%s %d\n' "$name" $((SECONDS - start)) >>"$TRAJC_STAGE_LOG"
  fi
}
