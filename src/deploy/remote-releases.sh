# Runs on the server, sent over ssh as `sh -s -- ACTION DIR [RELEASE]` by src/deploy/ssh-target.ts.
#
# DIR holds releases/<name>/, one complete site each, and `current`, a symlink to one of them that
# nginx serves (root DIR/current). A new release is uploaded as releases/<name>.uploading/, renamed
# when complete, and put in service by renaming a new symlink over `current` (mv -T: one rename,
# so a reader gets the old site or the new one, never neither). The newest releases are kept for
# --rollback; a release rolled back from is renamed <name>.withdrawn and removed by the next deploy.
#
# Prints key=value lines for the deploy to read; a state the deploy explains to the office ends
# with error=CODE and exit status 3. Release names are made by the deploy: digits, letters, - and _.
set -u
action=$1
dir=$2
release=${3:-}
keep=3

fail() {
  echo "error=$1"
  exit 3
}

# The release `current` points at, if any.
current_name() {
  if [ -L "$dir/current" ]; then
    target=$(readlink "$dir/current") || return 0
    target=${target%/}
    echo "${target##*/}"
  fi
}

# Complete releases, oldest first (names start with the deploy time).
releases() {
  [ -d "$dir/releases" ] || return 0
  ls -1 "$dir/releases" | LC_ALL=C sort | while IFS= read -r name; do
    case $name in
      *.uploading | *.withdrawn | .*) ;;
      *) if [ -d "$dir/releases/$name" ]; then echo "$name"; fi ;;
    esac
  done
}

report() {
  echo "current=$(current_name)"
  releases | sed 's/^/release=/'
}

check_current() {
  if [ -e "$dir/current" ] && [ ! -L "$dir/current" ]; then fail current-not-link; fi
}

switch_to() {
  link="$dir/.current-$$"
  rm -f "$link"
  ln -s "releases/$1" "$link" || fail symlink
  if ! mv -T "$link" "$dir/current"; then
    rm -f "$link"
    fail rename
  fi
}

# Keeps the newest $keep releases and the current one.
prune() {
  current=$(current_name)
  count=$(releases | wc -l)
  excess=$((count - keep))
  if [ "$excess" -gt 0 ]; then
    releases | head -n "$excess" | while IFS= read -r name; do
      if [ "$name" != "$current" ]; then
        rm -rf "${dir:?}/releases/$name" && echo "removed=$name"
      fi
    done
  fi
  for withdrawn in "$dir"/releases/*.withdrawn; do
    if [ -d "$withdrawn" ]; then rm -rf "$withdrawn" && echo "removed=${withdrawn##*/}"; fi
  done
}

case $action in
  inspect)
    check_current
    report
    ;;
  prepare)
    check_current
    mkdir -p "$dir/releases" 2>/dev/null || fail mkdir
    [ -w "$dir/releases" ] || fail not-writable
    command -v rsync >/dev/null 2>&1 || fail no-rsync
    # Uploads cut off by an earlier deploy.
    for partial in "$dir"/releases/*.uploading; do
      if [ -d "$partial" ]; then rm -rf "$partial"; fi
    done
    report
    ;;
  switch)
    check_current
    [ -f "$dir/releases/$release.uploading/index.html" ] || fail incomplete
    mv "$dir/releases/$release.uploading" "$dir/releases/$release" || fail rename
    switch_to "$release"
    prune
    report
    ;;
  rollback)
    check_current
    current=$(current_name)
    [ -n "$current" ] || fail no-current
    previous=$(releases | awk -v c="$current" '($0 "") < (c "")' | tail -n 1)
    [ -n "$previous" ] || fail no-previous
    switch_to "$previous"
    mv "$dir/releases/$current" "$dir/releases/$current.withdrawn" 2>/dev/null
    echo "from=$current"
    report
    ;;
  *)
    fail unknown-action
    ;;
esac
