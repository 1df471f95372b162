# SPDX-License-Identifier: GPL-2.0
# bash completion of the jailhouse tool: commands, cell and config
# sub-commands, the options of each, .cell files where a configuration is
# wanted, .dtb files for "cell linux -d", and the ids and names of the
# cells there are (from the driver's sysfs; JAILHOUSE_SYSFS moves it, as
# for the tool).  Installed as
# $(datadir)/bash-completion/completions/jailhouse.  Needs no
# bash-completion helpers.

# The words of the list $1 that start with $2, into COMPREPLY
_jailhouse_words()
{
	local IFS=$' \t\n'
	COMPREPLY+=($(compgen -W "$1" -- "$2"))
}

# The same for a list of lines $1 (cell names may hold blanks)
_jailhouse_lines()
{
	local IFS=$'\n'
	COMPREPLY+=($(compgen -W "$1" -- "$2"))
}

# Files with the suffix $1 and directories
_jailhouse_files()
{
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	if [ -n "$1" ]; then
		COMPREPLY+=($(compgen -d -- "$2"))
		COMPREPLY+=($(compgen -f -X "!*$1" -- "$2"))
	else
		COMPREPLY+=($(compgen -f -- "$2"))
	fi
}

# The ids (directory names) and the names of the cells; $1: "names" for
# the names only
_jailhouse_cells()
{
	local dir=${JAILHOUSE_SYSFS:-/sys/devices/jailhouse}/cells cell name
	local words=
	for cell in "$dir"/*; do
		[ -d "$cell" ] || continue
		[ "$1" = names ] || words+="${cell##*/}"$'\n'
		if [ -r "$cell/name" ]; then
			read -r name < "$cell/name" && words+="$name"$'\n'
		fi
	done
	_jailhouse_lines "$words" "$2"
}

# "cell load": after the cell, images, -s STRING and -a ADDRESS
_jailhouse_cell_load()
{
	local cur=$1 prev=$2
	case "$prev" in
	-s|--string|-a|--address)
		return ;;
	esac
	if [[ "$cur" == -* ]]; then
		_jailhouse_words "-s --string -a --address" "$cur"
	else
		_jailhouse_files "" "$cur"
	fi
}

_jailhouse_cell()
{
	local cur=$1 prev=$2 sub=$3 pos=$4 opts
	if [ "$pos" -eq 0 ]; then
		_jailhouse_words \
			"create list load start shutdown destroy linux stats" "$cur"
		return
	fi
	case "$sub" in
	create)
		[ "$pos" -eq 1 ] && _jailhouse_files .cell "$cur" ;;
	list)
		;;
	start|shutdown|destroy|stats|load)
		if [ "$prev" = --name ]; then
			_jailhouse_cells names "$cur"
		elif [ "$pos" -eq 1 ]; then
			if [[ "$cur" == -* ]]; then
				_jailhouse_words "--name" "$cur"
			else
				_jailhouse_cells all "$cur"
			fi
		elif [ "$sub" = load ]; then
			_jailhouse_cell_load "$cur" "$prev"
		fi ;;
	linux)
		opts="-h --help -d --dtb -i --initrd -c --cmdline -w --write-params -a --arch -k --kernel-decomp-factor"
		case "$prev" in
		-d|--dtb)
			_jailhouse_files .dtb "$cur"; return ;;
		-i|--initrd|-w|--write-params)
			_jailhouse_files "" "$cur"; return ;;
		-a|--arch)
			_jailhouse_words "arm64" "$cur"; return ;;
		-c|--cmdline|-k|--kernel-decomp-factor)
			return ;;
		esac
		if [[ "$cur" == -* ]]; then
			_jailhouse_words "$opts" "$cur"
		elif [ "$pos" -eq 1 ] || ! _jailhouse_linux_has_config; then
			_jailhouse_files .cell "$cur"
		else
			_jailhouse_files "" "$cur"
		fi ;;
	esac
}

# Whether a CELLCONFIG was given to "cell linux" before the current word
_jailhouse_linux_has_config()
{
	local i w
	for ((i = 3; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case "$w" in
		-d|--dtb|-i|--initrd|-c|--cmdline|-w|--write-params|-a|--arch|-k|--kernel-decomp-factor)
			((i++)) ;;
		-*)
			;;
		*)
			return 0 ;;
		esac
	done
	return 1
}

_jailhouse_config()
{
	local cur=$1 prev=$2 sub=$3 pos=$4 opts
	if [ "$pos" -eq 0 ]; then
		_jailhouse_words "check create collect" "$cur"
		return
	fi
	case "$sub" in
	check|collect)
		if [[ "$cur" == -* ]]; then
			[ "$pos" -eq 1 ] && _jailhouse_words "-h --help" "$cur"
		elif [ "$sub" = check ]; then
			_jailhouse_files .cell "$cur"
		else
			[ "$pos" -eq 1 ] && _jailhouse_files .tar "$cur"
		fi ;;
	create)
		opts="-h --help --dtb --collected --mem-hv --mem-inmates --name -c --console --demo --no-demo --demo-uart --vpci-irq-base --baud -t --template-dir"
		case "$prev" in
		--dtb)
			_jailhouse_files .dtb "$cur"; return ;;
		--collected)
			_jailhouse_files .tar "$cur"; return ;;
		--demo)
			_jailhouse_files .c "$cur"; return ;;
		-t|--template-dir)
			compopt -o filenames 2>/dev/null
			local IFS=$'\n'
			COMPREPLY+=($(compgen -d -- "$cur")); return ;;
		--demo-uart)
			_jailhouse_words "console none" "$cur"; return ;;
		--mem-hv|--mem-inmates|--name|-c|--console|--vpci-irq-base|--baud)
			return ;;
		esac
		if [[ "$cur" == -* ]]; then
			_jailhouse_words "$opts" "$cur"
		else
			_jailhouse_files .c "$cur"
		fi ;;
	esac
}

_jailhouse()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd=${COMP_WORDS[1]}
	local sub=${COMP_WORDS[2]}
	COMPREPLY=()
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}

	if [ "$COMP_CWORD" -eq 1 ]; then
		_jailhouse_words "enable disable console cell config hardware --help --version" "$cur"
		return 0
	fi
	case "$cmd" in
	enable)
		[ "$COMP_CWORD" -eq 2 ] && _jailhouse_files .cell "$cur" ;;
	console)
		[ "$COMP_CWORD" -eq 2 ] && _jailhouse_words "-f --follow" "$cur" ;;
	cell)
		_jailhouse_cell "$cur" "$prev" "$sub" $((COMP_CWORD - 2)) ;;
	config)
		_jailhouse_config "$cur" "$prev" "$sub" $((COMP_CWORD - 2)) ;;
	hardware)
		if [ "$COMP_CWORD" -eq 2 ]; then
			_jailhouse_words "check" "$cur"
		elif [ "$sub" = check ]; then
			if [[ "$cur" == -* ]]; then
				_jailhouse_words "-h --help" "$cur"
			else
				_jailhouse_files .cell "$cur"
			fi
		fi ;;
	esac
	return 0
}

complete -F _jailhouse jailhouse
