"""OpenAI's published chat fine-tuning data-format checks, as an oracle for --format openai.

The checks are those of OpenAI's cookbook notebook "Data preparation and analysis for chat
model fine-tuning" (format error counts per kind), written again here. The notebook
predates function calling in fine-tuning data, so where it lists the allowed message keys,
roles and content rules, the tool-calling fields that OpenAI's fine-tuning guide adds are
allowed as that guide defines them (assistant `tool_calls` with content null, role `tool`
with `tool_call_id`, record-level `tools` and `parallel_tool_calls`). On top: every tool
message answers an earlier call by id, every call is answered or is the final call, ids are
unique, and every called name is declared in `tools`.

    openai_format_check.py FILE.jsonl...   prints error counts per kind; exit 1 if any
"""
import json
import re
import sys
from collections import defaultdict

MESSAGE_KEYS = {
    "system": {"role", "content", "name"},
    "user": {"role", "content", "name"},
    "assistant": {"role", "content", "name", "function_call", "tool_calls", "weight"},
    "tool": {"role", "content", "tool_call_id"},
}
RECORD_KEYS = {"messages", "tools", "parallel_tool_calls", "functions"}
NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def check_tools(tools, errors):
    declared = set()
    if not isinstance(tools, list):
        errors["tools_not_a_list"] += 1
        return declared
    for tool in tools:
        fn = tool.get("function") if isinstance(tool, dict) else None
        if not isinstance(tool, dict) or tool.get("type") != "function" or not isinstance(fn, dict):
            errors["tool_not_a_function"] += 1
            continue
        name = fn.get("name")
        if not isinstance(name, str) or not NAME.match(name):
            errors["tool_bad_name"] += 1
            continue
        params = fn.get("parameters")
        if params is not None and (not isinstance(params, dict) or params.get("type") != "object"):
            errors["tool_parameters_not_an_object_schema"] += 1
        declared.add(name)
    return declared


def check_example(ex, errors):
    # The notebook's checks, in its order.
    if not isinstance(ex, dict):
        errors["data_type"] += 1
        return
    messages = ex.get("messages", None)
    if not messages:
        errors["missing_messages_list"] += 1
        return
    if any(k not in RECORD_KEYS for k in ex):
        errors["record_unrecognized_key"] += 1
    declared = check_tools(ex.get("tools", []), errors)
    if "parallel_tool_calls" in ex and not isinstance(ex["parallel_tool_calls"], bool):
        errors["parallel_tool_calls_not_bool"] += 1
    open_calls, seen_ids = [], set()
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            errors["message_not_an_object"] += 1
            continue
        role = message.get("role", None)
        if "role" not in message or "content" not in message:
            errors["message_missing_key"] += 1
        if role not in MESSAGE_KEYS:
            errors["unrecognized_role"] += 1
            continue
        if any(k not in MESSAGE_KEYS[role] for k in message):
            errors["message_unrecognized_key"] += 1
        content = message.get("content", None)
        calls = message.get("tool_calls", None)
        function_call = message.get("function_call", None)
        if calls is not None or function_call is not None:
            if content is not None and not isinstance(content, str):
                errors["missing_content"] += 1
        elif not content or not isinstance(content, str):
            errors["missing_content"] += 1
        if "weight" in message and message["weight"] not in (0, 1):
            errors["invalid_weight"] += 1
        # Function calling: ids pair, names are declared, arguments are JSON strings.
        if calls is not None:
            if not isinstance(calls, list) or not calls:
                errors["tool_calls_not_a_list"] += 1
                continue
            if open_calls:
                errors["call_before_previous_answered"] += 1
            for call in calls:
                fn = call.get("function") if isinstance(call, dict) else None
                if not isinstance(fn, dict) or call.get("type") != "function" or not isinstance(call.get("id"), str):
                    errors["tool_call_malformed"] += 1
                    continue
                if call["id"] in seen_ids:
                    errors["tool_call_id_repeated"] += 1
                seen_ids.add(call["id"])
                if fn.get("name") not in declared:
                    errors["tool_call_name_not_in_tools"] += 1
                args = fn.get("arguments")
                try:
                    if not isinstance(args, str) or not isinstance(json.loads(args), dict):
                        raise ValueError
                except ValueError:
                    errors["tool_call_arguments_not_a_json_object_string"] += 1
                open_calls.append(call["id"])
        if role == "tool":
            if message.get("tool_call_id") not in open_calls:
                errors["tool_message_answers_no_open_call"] += 1
            else:
                open_calls.remove(message["tool_call_id"])
        elif calls is None and open_calls:
            errors["call_left_unanswered"] += 1
            open_calls.clear()
    if not any(isinstance(m, dict) and m.get("role", None) == "assistant" for m in messages):
        errors["example_missing_assistant_message"] += 1
    last = messages[-1]
    if not isinstance(last, dict) or last.get("role") != "assistant":
        errors["example_not_ending_with_assistant"] += 1
    elif len(open_calls) > 1:
        errors["call_left_unanswered"] += 1  # only the final call may go unanswered


def main(paths):
    errors = defaultdict(int)
    examples = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                examples += 1
                try:
                    ex = json.loads(line)
                except ValueError:
                    errors["not_json"] += 1
                    continue
                check_example(ex, errors)
    for kind, n in sorted(errors.items()):
        print(f"{kind}: {n}")
    print(f"{examples} examples, {sum(errors.values())} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
