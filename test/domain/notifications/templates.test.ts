import { parseTemplateSetting, templateData } from '../../../domain/notifications/templates'

describe('parseTemplateSetting', () => {
  it('takes a template id alone', () => {
    expect(parseTemplateSetting('  AbC-123_xYz ')).toEqual({
      templateId: 'AbC-123_xYz',
      fields: {},
    })
  })

  it('takes the id with field mappings', () => {
    expect(parseTemplateSetting('AbC123 thing1=thing2  time3=date5')).toEqual({
      templateId: 'AbC123',
      fields: { thing1: 'thing2', time3: 'date5' },
    })
  })

  it('refuses a value that does not start with the id, and malformed pairs, naming them', () => {
    expect(() => parseTemplateSetting('thing1=thing2')).toThrow(
      'a template setting starts with the template id, not "thing1=thing2"',
    )
    expect(() => parseTemplateSetting('AbC123 thing1')).toThrow(
      '"thing1" is not ours=theirs with field names such as thing1=thing2',
    )
    expect(() => parseTemplateSetting('AbC123 thing1=')).toThrow('"thing1=" is not ours=theirs')
    expect(() => parseTemplateSetting('AbC123 thing1=thing2=x')).toThrow(
      '"thing1=thing2=x" is not ours=theirs',
    )
    expect(() => parseTemplateSetting('AbC123 标题=thing2')).toThrow('"标题=thing2" is not')
  })

  it('refuses a field mapped twice and two fields sent under one name', () => {
    expect(() => parseTemplateSetting('A thing1=thing2 thing1=thing3')).toThrow(
      'thing1 is mapped twice',
    )
    expect(() => parseTemplateSetting('A thing1=thing9 name2=thing9')).toThrow(
      'two fields are sent as thing9',
    )
  })
})

describe('templateData', () => {
  const data = { thing1: '修村口的路', name2: '王秀英', time3: '2026年11月21日 09:00' }

  it('sends each field under its own name when nothing is mapped', () => {
    expect(templateData(data, {})).toEqual({
      thing1: { value: '修村口的路' },
      name2: { value: '王秀英' },
      time3: { value: '2026年11月21日 09:00' },
    })
  })

  it('renames the mapped fields and keeps the others', () => {
    expect(templateData(data, { thing1: 'thing4', time3: 'date2' })).toEqual({
      thing4: { value: '修村口的路' },
      name2: { value: '王秀英' },
      date2: { value: '2026年11月21日 09:00' },
    })
  })

  it('refuses a mapping of a field the message lacks, and a rename onto a field it keeps', () => {
    expect(() => templateData(data, { phrase2: 'phrase1' })).toThrow(
      'the mapping names phrase2, which this message does not have (it has thing1, name2, time3)',
    )
    expect(() => templateData(data, { thing1: 'name2' })).toThrow(
      'two fields would be sent as name2',
    )
  })
})
