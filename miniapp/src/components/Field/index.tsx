import type { ComponentProps } from 'react';
import { View, Text } from '@tarojs/components';
import { cleanInput, groupDigits, type TextKind } from '../../utils/text-input';
import { Input } from '../ui';
import './index.scss';

type InputProps = ComponentProps<typeof Input>;

interface Props {
  /** stays above the box while the citizen types (a placeholder vanishes) */
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** how typing and pasting are cleaned (utils/text-input) */
  kind?: TextKind;
  /** the longest cleaned value */
  maxLength?: number;
  type?: InputProps['type'];
  hint?: string;
  error?: string | null;
  /** read the value back in groups under the box, e.g. GROUPS.idNumber */
  groups?: readonly number[];
  onBlur?: () => void;
}

/** A labelled, bordered input that cleans what is typed or pasted and says what is wrong right under it. */
export function Field({ label, value, onChange, placeholder, kind = 'text', maxLength, type, hint, error, groups, onBlur }: Props) {
  return (
    <View className={`jsb-field${error ? ' jsb-field--error' : ''}`}>
      <Text className='jsb-field__label'>{label}</Text>
      <Input
        className='jsb-field__input'
        type={type}
        placeholder={placeholder}
        // room for the spaces a paste brings; the limit applies to the cleaned text
        maxLength={maxLength === undefined ? undefined : maxLength + 8}
        value={value}
        onChange={(v: string) => onChange(cleanInput(v, kind, maxLength))}
        onBlur={onBlur}
      />
      {groups && value ? <Text className='jsb-field__readback'>核对：{groupDigits(value, groups)}</Text> : null}
      {hint && !error ? <Text className='jsb-field__hint'>{hint}</Text> : null}
      {error ? <Text className='jsb-field__error'>{error}</Text> : null}
    </View>
  );
}
