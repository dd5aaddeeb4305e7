// What the person at the screen may do, from the same role table the mutators check
// (shared/domain/roles): a button whose change the role may not make is disabled, and the screen
// says in words who may make it, instead of letting the mutator refuse it afterwards.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { can, rolesWith, type Permission, type Role } from '../../shared/domain/roles';
import { LOCAL_ACTOR, useSyncStore } from '../sync/controller';
import { PERMISSION_WORDS, ROLE_WORDS } from '../words/labels';

export interface PermissionState {
  allowed: boolean;
  /** Why not, in the UI's language; null when allowed. */
  reason: string | null;
  role: Role;
}

/** "an Admin agent or a Sales agent" / "管理エージェントまたは営業担当エージェント". */
function roleList(t: TFunction, roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_WORDS[r](t));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(t('permission.listSeparator'))}${t('permission.or')}${names[names.length - 1]}`;
}

export function permissionReason(t: TFunction, role: Role, permission: Permission): string | null {
  if (can(role, permission)) return null;
  return t('permission.denied', {
    roles: roleList(t, rolesWith(permission)),
    action: PERMISSION_WORDS[permission](t),
    role: ROLE_WORDS[role](t),
  });
}

/** The signed-in person's role; before anyone signs in, the local profile's (LOCAL_ACTOR), as the mutators use. */
export function useRole(): Role {
  return useSyncStore((s) => s.user?.role) ?? LOCAL_ACTOR.role;
}

export function usePermission(permission: Permission): PermissionState {
  const { t } = useTranslation();
  const role = useRole();
  const reason = permissionReason(t, role, permission);
  return { allowed: reason === null, reason, role };
}

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2, display: 'block' },
});

/** The reason beside the disabled buttons, or nothing when the role may act. */
export function PermissionNote({ permission, id }: { permission: Permission; id?: string }) {
  const styles = useStyles();
  const { reason } = usePermission(permission);
  if (!reason) return null;
  return (
    <Text id={id} className={styles.note} role="note" data-testid="permission-note">
      {reason}
    </Text>
  );
}
