#!/bin/bash
# The arm64 libraries the static target build of the jailhouse tool links
# (libfdt, zlib), unpacked from Debian's arm64 packages.  libfdt-dev is
# not Multi-Arch: same, so it cannot be installed beside the host's; the
# .debs are fetched with apt-get download and unpacked into the cache.
#
#   scripts/arm64-libs.sh       prints the directory (usr/include,
#                               usr/lib/aarch64-linux-gnu below it)
#   scripts/arm64-libs.sh --sysroot
#                               the same with the C library too: a Debian
#                               arm64 sysroot as a Yocto SDK has one, for
#                               the recipe-style build test
#
# Idempotent: once the directory exists it only prints it.
set -euo pipefail

CACHE=${JH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jailhouse-bench}
DEBS=$CACHE/debs
PACKAGES=(libfdt-dev zlib1g-dev)
NAME=arm64-libs
if [ "${1:-}" = --sysroot ]; then
	PACKAGES+=(libfdt1 zlib1g libc6 libc6-dev linux-libc-dev libgcc-s1)
	NAME=arm64-sysroot
fi

# The cached .deb of package $1 (arm64), downloaded if there is none
package_deb() {
	local deb
	deb=$(ls "$DEBS/$1"_*_arm64.deb 2>/dev/null | tail -n 1)
	if [ -z "$deb" ]; then
		(cd "$DEBS" && apt-get download -q \
			-o APT::Sandbox::User=root "$1:arm64" >&2) || {
			echo "arm64-libs.sh: cannot download $1:arm64;" \
			     "run scripts/setup-host.sh (it enables arm64)" >&2
			exit 1
		}
		deb=$(ls "$DEBS/$1"_*_arm64.deb | tail -n 1)
	fi
	echo "$deb"
}

main() {
	local debs=() deb key out stage p

	mkdir -p "$DEBS"
	for p in "${PACKAGES[@]}"; do
		debs+=("$(package_deb "$p")")
	done
	key=$(for deb in "${debs[@]}"; do basename "$deb"; done |
		sha256sum | cut -c1-16)
	out=$CACHE/$NAME-$key
	if [ ! -d "$out" ]; then
		stage=$(mktemp -d "$CACHE/$NAME.XXXXXX")
		for deb in "${debs[@]}"; do
			dpkg-deb -x "$deb" "$stage"
		done
		# another build may have won the race: keep its copy
		mv -T "$stage" "$out" 2>/dev/null || rm -rf "$stage"
	fi
	echo "$out"
}

main "$@"
