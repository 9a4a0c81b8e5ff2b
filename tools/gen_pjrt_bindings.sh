#!/bin/sh
# Regenerate src/pjrt/sys.rs from the plugin wheel's own header (needs libclang: apt-get install libclang-dev;
# bindgen CLI: cargo install bindgen-cli). Only needed when bumping the plugin version; the output is checked in.
HDR=${1:?path to pjrt_c_api.h from the pinned xla-cpu-pjrt wheel (xla_plugins/xla_cpu_pjrt/include/)}
bindgen "$HDR" -o src/pjrt/sys.rs \
  --allowlist-type 'PJRT_.*' --allowlist-var 'PJRT_.*' \
  --default-enum-style consts --translate-enum-integer-types \
  --no-layout-tests --with-derive-default -- -x c
