# bash completion for speech-query and speech-index (installed by
# `make install` as share/bash-completion/completions/speech-{query,index}).

_speech_query()
{
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    case $prev in
        -d|--db|--data)
            COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -- "$cur"))
            return ;;
        --color|--colour)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        -n|--count)
            COMPREPLY=($(compgen -W "10 20 50 100 all" -- "$cur"))
            return ;;
        --kind)
            COMPREPLY=($(compgen -W "speech report article" -- "$cur"))
            return ;;
        --offset|--region|--year|--speaker|--title|--like)
            return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-d --db -n --count --all --offset --json --jsonl --facets
            --duplicates --exact --like --color --mark --spans --no-pager --data --region --year --speaker
            --kind --title -V --version -h --help" -- "$cur"))
    fi
}

_speech_index()
{
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    case $prev in
        -d|--db|--data)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --encoding)
            COMPREPLY=($(compgen -W "UTF-8 GB18030 GBK BIG5 BIG5-HKSCS UTF-16LE UTF-16BE" -- "$cur"))
            return ;;
        --shards|--jobs|-j|--segment-mb|--passage-chars)
            return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-d --db --encoding --passage-chars --force --jobs --shards --segment-mb --merge --termlists
            --data -q --quiet -V --version -h --help" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

complete -o filenames -F _speech_query speech-query
complete -o filenames -F _speech_index speech-index
