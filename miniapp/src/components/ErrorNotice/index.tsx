import { View, Text } from '@tarojs/components';
import type { ApiError } from '../../api';
import { Button } from '../ui';
import './index.scss';

interface Props {
  error: Pick<ApiError, 'message' | 'hint' | 'requestId' | 'status'>;
  /** shows a retry button with this text */
  retryText?: string;
  onRetry?: () => void;
}

/** What happened and what to do next, inline on the page. */
export function ErrorNotice({ error, retryText, onRetry }: Props) {
  return (
    <View className='jsb-error'>
      <Text className='jsb-error__message'>{error.message}</Text>
      <Text className='jsb-error__hint'>{error.hint}</Text>
      {error.status >= 500 && error.requestId ? <Text className='jsb-error__ref'>问题编号：{error.requestId}</Text> : null}
      {onRetry ? (
        <Button className='jsb-error__retry' type='primary' fill='outline' onClick={onRetry}>
          {retryText ?? '重试'}
        </Button>
      ) : null}
    </View>
  );
}
