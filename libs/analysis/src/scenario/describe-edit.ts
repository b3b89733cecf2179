import type { ScenarioEdit } from '@rolemap/domain';

/** One line a person reads: "move 'Review pull requests' (20%) from E110 to E111". */
export function describeEdit(edit: ScenarioEdit): string {
  switch (edit?.kind) {
    case 'MOVE_RESPONSIBILITY':
      return `move "${edit.responsibility}"${edit.sharePct == null ? '' : ` (${edit.sharePct}%)`} from ${edit.from} to ${edit.to}`;
    case 'ADD_RESPONSIBILITY':
      return `add "${edit.responsibility}" (${edit.sharePct}%, ${edit.valueLevel}) to ${edit.position}`;
    case 'EDIT_RESPONSIBILITY': {
      const changes = [
        edit.newTitle == null ? null : `title "${edit.newTitle}"`,
        edit.valueLevel == null ? null : `level ${edit.valueLevel}`,
        edit.sharePct == null ? null : `share ${edit.sharePct}%`,
      ].filter((change) => change !== null);
      return `change "${edit.responsibility}" of ${edit.position}: ${changes.join(', ') || 'nothing'}`;
    }
    case 'REMOVE_RESPONSIBILITY':
      return `remove "${edit.responsibility}" from ${edit.position}`;
    case 'MOVE_POSITION':
      return `move ${edit.position} under ${edit.toManager}`;
    case 'MOVE_TEAM':
      return `move ${edit.fromManager}'s team under ${edit.toManager}`;
    case 'CREATE_POSITION':
      return `create the vacant post ${edit.position} (${edit.title}, ${edit.tier}) under ${edit.manager}`;
    case 'CLOSE_POSITION':
      return `close the post ${edit.position}`;
    case 'CHANGE_TIER':
      return `change ${edit.position}'s tier to ${edit.tier}`;
    case 'CHANGE_TITLE':
      return `retitle ${edit.position} "${edit.title}"`;
    case 'PROMOTE':
      return `promote ${edit.position} to ${edit.tier}${edit.title == null ? '' : ` as "${edit.title}"`}`;
    default:
      return 'unknown edit';
  }
}
