# Shared by the Linux-cell system tests (sourced as /test/linux-cell.sh;
# tests/system/run.py puts it there for a "linux-cell: yes" test).
cells=/usr/share/jailhouse/cells
linux=/usr/share/jailhouse/linux-demo
dtb=/usr/share/jailhouse/inmate-qemu-arm64.dtb
sys=/sys/devices/jailhouse
demo=$cells/qemu-arm64-linux-demo.cell
# the cell's console: the shared PL011's earlycon, for good, and its
# init's lines through /dev/kmsg, none rate-limited away
cmdline="earlycon=pl011,mmio32,0x09000000 keep_bootcon printk.devkmsg=on"

# linux_cell ACTION [ARGS...]: "jailhouse cell linux" of the bench's
# linux-demo, whose init then does ACTION (scripts/guest/cell-init)
linux_cell() {
	local action=$1
	shift
	jailhouse cell linux $demo $linux/Image -d $dtb \
		-i $linux/rootfs.cpio.gz -c "$cmdline jh_action=$action" "$@"
}

# wait_state ID STATE SECONDS: until cell ID is in STATE; 1 on timeout
wait_state() {
	local n=0
	while [ "$(cat $sys/cells/$1/state 2>/dev/null)" != "$2" ]; do
		[ $n -ge $(($3 * 10)) ] && return 1
		sleep 0.1
		n=$((n + 1))
	done
}

# pool_report BASELINE WHEN: whether the page pool is back at BASELINE
pool_report() {
	local used
	used=$(cat $sys/mem_pool_used)
	if [ "$used" = "$1" ]; then
		echo "page pool: same as after enable"
	else
		echo "page pool: $1 pages after enable, $used $2"
	fi
}

# The ivshmem-net link (configs/arm64/qemu-arm64.h, QEMU_VETH_*): the
# cell's init brings its end up as 192.168.0.2 (scripts/guest/cell-init)
cell_ip=192.168.0.2
root_ip=192.168.0.3

# veth_if: the root cell's interface that ivshmem-net drives
veth_if() {
	local dev
	for dev in /sys/class/net/*; do
		case "$(readlink "$dev/device/driver")" in
		*/ivshmem-net) echo "${dev##*/}"; return 0 ;;
		esac
	done
	return 1
}

# veth_up: load ivshmem-net, bring the root cell's end of the link up as
# $root_ip/24; sets $veth to its interface
veth_up() {
	local n=0
	modprobe ivshmem-net
	until veth=$(veth_if) || [ $n -ge 50 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	ip addr add $root_ip/24 dev "$veth"
	ip link set "$veth" up
}

# wait_carrier IF VALUE SECONDS: until IF's carrier is VALUE (0 or 1)
wait_carrier() {
	local n=0
	while [ "$(cat /sys/class/net/$1/carrier 2>/dev/null)" != "$2" ]; do
		[ $n -ge $(($3 * 10)) ] && return 1
		sleep 0.1
		n=$((n + 1))
	done
}

# destroy_demo: destroy the linux-demo cell, wait for the root's end of
# the link to lose its carrier, say both ("destroy: exit RC, carrier C")
destroy_demo() {
	local rc
	jailhouse cell destroy qemu-arm64-linux-demo
	rc=$?
	wait_carrier "$veth" 0 10
	echo "destroy: exit $rc, carrier $(cat /sys/class/net/$veth/carrier)"
}

# wait_ping SECONDS: until the cell answers a ping
wait_ping() {
	local n=0
	while ! ping -c 1 -W 1 $cell_ip > /dev/null 2>&1; do
		[ $n -ge "$1" ] && return 1
		n=$((n + 1))
	done
}

# in_cell COMMANDS: run COMMANDS in a cell started with "serve", print
# their output; retried while the cell's listener is not there (yet)
in_cell() {
	local n=0
	while [ $n -lt 100 ]; do
		echo "$*" | nc $cell_ip 23 2> /tmp/in_cell.err && return 0
		grep -q "can't connect" /tmp/in_cell.err || break
		sleep 0.1
		n=$((n + 1))
	done
	cat /tmp/in_cell.err >&2
	return 1
}
