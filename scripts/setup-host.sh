#!/bin/bash
# Install everything the build, the tests and the QEMU bench need, from
# Debian 12 packages only.  Idempotent: a second run installs nothing.
set -euo pipefail

PACKAGES=(
	build-essential make git bc flex bison libssl-dev libelf-dev cpio kmod
	xz-utils rsync file
	gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
	qemu-system-arm device-tree-compiler libfdt-dev zlib1g-dev
	python3 python3-mako
	libcmocka-dev pkg-config
	clang-14 libclang-rt-14-dev
	man-db groff-base
	linux-source-6.1 linux-source-6.12
)

need_root() {
	if [ "$(id -u)" != 0 ]; then
		echo "setup-host.sh: run as root (it installs Debian packages)" >&2
		exit 1
	fi
}

missing_packages() {
	local p
	for p in "${PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -q '^install ok installed' || echo "$p"
	done
}

main() {
	local missing
	missing=$(missing_packages)
	if [ -z "$missing" ] &&
	   dpkg --print-foreign-architectures | grep -qx arm64; then
		exit 0
	fi
	need_root
	dpkg --print-foreign-architectures | grep -qx arm64 ||
		dpkg --add-architecture arm64
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	if [ -n "$missing" ]; then
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends $missing
	fi
}

main "$@"
