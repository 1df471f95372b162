#!/bin/bash
# Build the QEMU bench kernel from Debian's linux-source package with the
# project's patch series and config fragment applied.
#
#   scripts/kernel.sh [--version V] [--unpatched | --inmate] [--dir]
#
# The build lives in a cache outside the work tree, keyed by a hash of the
# source package version, the patches, the fragment and this recipe, so a
# second call with the same inputs returns at once.  The last line printed
# is the build directory (usable as KDIR).  --dir prints that directory
# without building.  --unpatched builds the same kernel without the patch
# series (the negative control of the kernel-patch tests); it builds only
# the Image.  --inmate builds the kernel of the Linux that runs in a
# cell: the same source without the patches, with its own fragment
# (scripts/kernel-inmate.config), the Image and Module.symvers.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
# Bump when the steps below change in a way the hashed inputs do not show.
RECIPE=1
VERSION=6.1
VARIANT=patched
PRINT_ONLY=0
CACHE=${JH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jailhouse-bench}
CROSS=aarch64-linux-gnu-

usage() {
	echo "usage: $0 [--version 6.1|6.12] [--unpatched | --inmate] [--dir]" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--version) VERSION=${2:?}; shift ;;
	--unpatched) VARIANT=unpatched ;;
	--inmate) VARIANT=inmate ;;
	--dir) PRINT_ONLY=1 ;;
	*) usage ;;
	esac
	shift
done

TARBALL=/usr/src/linux-source-$VERSION.tar.xz
PATCHES=$TOP/patches/linux/$VERSION
FRAGMENT=$TOP/scripts/kernel-fragment.config
[ "$VARIANT" = inmate ] && FRAGMENT=$TOP/scripts/kernel-inmate.config
[ -d "$PATCHES" ] || { echo "kernel.sh: no patch series $PATCHES" >&2; exit 1; }

# The .dtb files of the boards that the reserved-memory patch touches.
board_dtbs() {
	sed -n 's|^+++ b/arch/arm64/boot/dts/\(.*\)\.dts$|\1.dtb|p' \
		"$PATCHES"/*.patch | sort -u
}

input_hash() {
	{
		echo "recipe $RECIPE variant $VARIANT"
		dpkg-query -W -f='${Version}\n' "linux-source-$VERSION" \
			2>/dev/null || echo "no package"
		cat "$FRAGMENT"
		[ "$VARIANT" != patched ] || cat "$PATCHES"/*.patch
	} | sha256sum | cut -c1-16
}

BUILD=$CACHE/linux-$VERSION-$VARIANT-$(input_hash)
if [ "$PRINT_ONLY" = 1 ]; then
	echo "$BUILD"
	exit 0
fi
if [ -f "$BUILD/.jh-complete" ]; then
	echo "$BUILD"
	exit 0
fi

[ -f "$TARBALL" ] || {
	echo "kernel.sh: $TARBALL missing; run scripts/setup-host.sh" >&2
	exit 1
}

kmake() {
	make -C "$BUILD" ARCH=arm64 CROSS_COMPILE=$CROSS -j"$(nproc)" "$@"
}

# Every option of the fragment must have survived Kconfig: one that
# silently vanished (renamed, unmet dependency) would break tests later
# in a far less obvious way.
check_fragment() {
	local line name missing=0
	while IFS= read -r line; do
		case "$line" in
		CONFIG_*=*) name=${line%%=*} ;;
		"# CONFIG_"*" is not set") name=${line#\# }; name=${name%% *} ;;
		*) continue ;;
		esac
		if [ "$line" = "# $name is not set" ]; then
			! grep -q "^$name=" "$BUILD/.config" && continue
		else
			grep -qx "$line" "$BUILD/.config" && continue
		fi
		echo "kernel.sh: $line from the fragment did not reach .config" >&2
		missing=1
	done < "$FRAGMENT"
	return $missing
}

build() {
	mkdir -p "$CACHE"
	rm -rf "$BUILD"
	mkdir -p "$BUILD"
	echo "kernel.sh: extracting linux-source-$VERSION" >&2
	tar -xf "$TARBALL" -C "$BUILD" --strip-components=1
	if [ "$VARIANT" = patched ]; then
		local p
		for p in "$PATCHES"/*.patch; do
			echo "kernel.sh: applying $(basename "$p")" >&2
			patch -d "$BUILD" -p1 --forward --batch -s < "$p"
		done
	fi
	echo "kernel.sh: building $VERSION ($VARIANT) in $BUILD" >&2
	kmake KCONFIG_ALLCONFIG="$FRAGMENT" allnoconfig
	# "|| return": build runs under "if !", where set -e does not act
	check_fragment || return 1
	kmake Image
	# modules also writes Module.symvers for out-of-tree modules.
	[ "$VARIANT" = inmate ] && kmake modules
	if [ "$VARIANT" = patched ]; then
		# modules also writes Module.symvers for out-of-tree modules.
		kmake modules
		# shellcheck disable=SC2046
		kmake $(board_dtbs)
	fi
	touch "$BUILD/.jh-complete"
}

mkdir -p "$CACHE"
exec 9> "$CACHE/.lock"
flock 9
if [ ! -f "$BUILD/.jh-complete" ]; then
	LOG=$CACHE/build-$VERSION-$VARIANT.log
	if ! build > "$LOG" 2>&1; then
		tail -n 40 "$LOG" >&2
		echo "kernel.sh: build failed, full log: $LOG" >&2
		exit 1
	fi
fi
echo "$BUILD"
