import { View, Text } from '@tarojs/components';

/** The anonymous choice, with an honest account of what the staff handling it will and will not see. */
export function AnonymousSwitch({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <View className='zc-anon'>
      <View className='zc-anon__row' role='switch' aria-checked={on} aria-label='对工作人员匿名' onClick={onToggle}>
        <Text className='zc-anon__label'>对工作人员匿名</Text>
        <View className={`zc-toggle${on ? ' zc-toggle--on' : ''}`}>
          <Text className='zc-toggle__text'>{on ? '已开启' : '未开启'}</Text>
        </View>
      </View>
      {on ? (
        <View className='zc-anon__explain'>
          <Text>工作人员看不到：您的姓名、电话和身份证号。</Text>
          <Text>工作人员仍会看到：您填写的问题描述、照片、大厅、专区、窗口号和工号。描述里如写了自己的名字或电话，他们也会看到。</Text>
          <Text>政务系统仍保存您的实名信息，用于限时答复和防止重复、恶意投诉；答复只能在“我的找茬”里查看，不会电话回访。</Text>
        </View>
      ) : (
        <View className='zc-anon__explain'>
          <Text>未开启时，处理找茬的工作人员能看到您的姓名和电话，可能会电话回访核实情况。</Text>
        </View>
      )}
    </View>
  );
}
