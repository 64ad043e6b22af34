#!/usr/bin/env bash
# The run step of the uninitlint GitHub Action (action.yml). Its inputs arrive as INPUT_*
# environment variables, never interpolated into a script, so that a branch name or a pull
# request's text cannot inject commands. It runs in the action's working-directory and writes
# to $GITHUB_OUTPUT:
#
#   exit-code    uninitlint's (0 clean, 3 findings, 1 or 2 could not do its job)
#   sarif-file   the SARIF report's absolute path, with format sarif, since the upload step
#                resolves a relative path against the workspace, not the working directory
#   category     the code scanning category: "uninitlint" at the top of the checkout, else
#                "uninitlint/<directory>", so that two modules of one repository do not
#                overwrite each other's alerts
#
# It fails only when uninitlint could not do its job (exit 1 or 2); findings (exit 3) are left
# to the action's last step, after the SARIF upload, so that they reach code scanning.
#
# With new-from-rev (on pull requests, the base commit) the text or annotations and the exit
# code count only the findings the change may have caused, but the SARIF report stays complete
# (each result marked new or unchanged): code scanning closes the alerts an upload leaves out.
set -uo pipefail

format=${INPUT_FORMAT:-sarif}
read -r -a extra <<<"${INPUT_ARGS:-}"
read -r -a packages <<<"${INPUT_PACKAGES:-./...}"

args=()
rev=${INPUT_NEW_FROM_REV:-}
if [ -n "$rev" ]; then
	# A shallow checkout may lack the base commit; one commit is enough for git diff.
	if ! git rev-parse -q --verify "$rev^{commit}" >/dev/null; then
		git fetch -q --no-tags --depth=1 origin "$rev" ||
			{ echo "::error title=uninitlint::cannot fetch $rev to compare with; check out with fetch-depth: 0"; exit 1; }
	fi
	args+=(-new-from-rev="$rev")
fi

sarif=""
if [ "$format" = sarif ]; then
	sarif=${INPUT_SARIF_FILE:-uninitlint.sarif}
	case $sarif in /*) ;; *) sarif=$PWD/$sarif ;; esac
	args+=(-format=text,sarif -o "$sarif") # the log shows the findings too: one run for both
else
	args+=(-format="$format")
fi

prefix=$(git rev-parse --show-prefix 2>/dev/null || true)
category=uninitlint${prefix:+/${prefix%/}}

rc=0
uninitlint "${args[@]}" "${extra[@]}" "${packages[@]}" || rc=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	{
		echo "exit-code=$rc"
		if [ "$rc" = 0 ] || [ "$rc" = 3 ]; then echo "sarif-file=$sarif"; fi
		echo "category=$category"
	} >>"$GITHUB_OUTPUT"
fi
case $rc in
0) echo "uninitlint: no findings${rev:+ new since $rev}" ;;
3) echo "uninitlint: findings reported${sarif:+ in $sarif}" ;;
*) echo "::error title=uninitlint::uninitlint failed (exit $rc); see the log above"; exit "$rc" ;;
esac
